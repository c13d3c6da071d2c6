import { describe, expect, inject, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../../scripts/csp'
import { sharedBrowser } from './shared-browser'
import { waitForTable } from './wall-helpers'

const base = inject('baseURL')
const browser = sharedBrowser()

describe('the wall under its Content-Security-Policy', () => {
  it('is served with the policy as a header, the same as the page\'s meta tag', async () => {
    const res = await fetch(base)
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    const html = await res.text()
    expect(html).toContain(`content="${CONTENT_SECURITY_POLICY}"`)
  })

  it('renders every page, its charts and their tooltips without one violation', async () => {
    const page = await browser().newPage({ viewport: { width: 1920, height: 1080 } })
    const problems: string[] = []
    await page.exposeFunction('reportViolation', (v: string) => problems.push(v))
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)
      })
    })
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`)
    })
    page.on('pageerror', e => problems.push(`pageerror: ${e.message}`))
    const response = await page.goto(base)
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
    await waitForTable(page)
    let tooltips = 0
    for (const p of ['overview', 'response', 'resolution', 'satisfaction', 'scorecard']) {
      await page.click(`[data-page-tab="${p}"]`)
      await page.waitForSelector(`[data-page="${p}"]`)
      await page.waitForTimeout(600)
      // Hovering a chart draws its tooltip: ECharts writes it as HTML.
      for (const chart of await page.$$('[data-testid="chart"]')) {
        const box = await chart.boundingBox()
        for (const [fx, fy] of [[0.3, 0.5], [0.5, 0.6], [0.7, 0.4]] as const) {
          if (box) await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy, { steps: 3 })
          await page.waitForTimeout(80)
          tooltips += await page.$$eval('.tt', els => els.filter(e => (e as HTMLElement).offsetParent !== null).length)
        }
      }
    }
    expect(tooltips).toBeGreaterThan(0)
    await page.click('[data-testid="open-import-summary"]')
    await page.waitForSelector('[data-testid="import-summary-close"]')
    expect(problems).toEqual([])
    await page.close()
  })
})
