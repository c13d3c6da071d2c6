import type { Browser, Page } from 'playwright-core'
import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { demoReport } from '../../data/demo-report'
import { launch, watchForeignRequests } from './browser'
import { confirmVendorsUntilSummary, demoFiles, dropFiles, expectTableMatches, tableCells, waitForTable } from './wall-helpers'

const base = inject('baseURL')
const SHOTS = 'test-results/screenshots'
let browser: Browser

beforeAll(async () => {
  browser = await launch()
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
})

async function open(query: string, viewport = { width: 1920, height: 1080 }): Promise<{ page: Page, foreign: string[], errors: string[] }> {
  const page = await browser.newPage({ viewport })
  const foreign = watchForeignRequests(page, base.replace(/\/$/, ''))
  const errors: string[] = []
  page.on('pageerror', e => errors.push(e.message))
  page.on('dialog', d => errors.push(`dialog: ${d.message()}`))
  await page.goto(`${base}${query}`)
  return { page, foreign, errors }
}

describe('the wall in Chromium', () => {
  it('opens on the demo data and shows exactly the CLI\'s numbers for the same files and months', async () => {
    const { page, foreign, errors } = await open('?from=2025-12&to=2026-11')
    await waitForTable(page)
    const expected = await demoReport({ from: '2025-12', to: '2026-11', vendors: [] })
    await expectTableMatches(page, expected)
    expect(await page.textContent('[data-testid="as-of"]')).toContain('2026')
    expect(foreign).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('dropped demo exports give every KPI cell of the CLI\'s JSON', async () => {
    const { page, foreign, errors } = await open('?from=2025-12&to=2026-11')
    await waitForTable(page)
    await dropFiles(page, demoFiles())
    await confirmVendorsUntilSummary(page)
    const files = await page.$$eval('[data-testid="import-file"]', rows => rows.map(r => r.getAttribute('data-file')))
    expect(files.sort()).toEqual(demoFiles().map(f => f.name).sort())
    const rejected = await page.$$eval('[data-testid="rejected-rows"] tbody tr', rows => rows.length)
    expect(rejected).toBe(6)
    await page.click('[data-testid="import-summary-close"]')
    // The CLI's JSON for the same files: data/demo-report.json is `servicewall report --format json` of them.
    const { default: golden } = await import('../../data/demo-report.json', { with: { type: 'json' } })
    await expectTableMatches(page, golden as never)
    expect(foreign).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })

  it('filters set through the URL recompute every KPI in SQL', async () => {
    const { page } = await open('?from=2026-10&to=2026-10&vendor=%E7%94%A8%E5%8F%8BU9&vendor=SAP%20B1&priority=P1&priority=P2')
    await waitForTable(page)
    const expected = await demoReport({ from: '2026-10', to: '2026-10', vendors: ['用友U9', 'SAP B1'], priorities: ['P1', 'P2'] })
    await expectTableMatches(page, expected)
    expect(new Set((await tableCells(page)).map(c => c.vendor))).toEqual(new Set(['用友U9', 'SAP B1']))
    await page.close()
  })

  it('kiosk mode hides the controls and rotates the pages', async () => {
    const { page } = await open('?kiosk=1&interval=5')
    await waitForTable(page)
    expect(await page.$('[data-testid="filter-bar"]')).toBeNull()
    const seen = new Set<string>()
    const deadline = Date.now() + 14_000
    while (Date.now() < deadline && seen.size < 3) {
      const p = await page.getAttribute('[data-page]', 'data-page')
      if (p) seen.add(p)
      await page.waitForTimeout(250)
    }
    expect([...seen].slice(0, 3)).toEqual(['overview', 'response', 'resolution'])
    await page.reload()
    await waitForTable(page)
    expect(await page.$('[data-testid="filter-bar"]')).toBeNull()
    await page.close()
  })

  it('shows a hostile vendor name as text and creates no element from it', async () => {
    const { page, errors } = await open('')
    await waitForTable(page)
    const name = '<img src=x onerror=alert(1)>'
    const csv = `Vendor,Ticket ID,Created time,Initial response time\n"${name}",X1,2026-11-20 10:00,2026-11-20 10:30\n`
    await dropFiles(page, [{ name: 'hostile.csv', bytes: new TextEncoder().encode(csv) }])
    await confirmVendorsUntilSummary(page)
    await page.click('[data-testid="import-summary-close"]')
    await page.waitForSelector(`[data-testid="kpi-table"] td[data-vendor="${name}"]`, { timeout: 30_000 })
    expect(await page.$$eval('img', imgs => imgs.filter(i => i.getAttribute('src') === 'x').length)).toBe(0)
    expect(await page.textContent('[data-testid="kpi-table"]')).toContain(name)
    expect(errors).toEqual([])
    await page.close()
  })

  it('takes screenshots of every page at 1920×1080 and 3840×2160', async () => {
    for (const [w, h] of [[1920, 1080], [3840, 2160]] as const) {
      const { page, errors } = await open('?from=2026-06&to=2026-11', { width: w, height: h })
      await waitForTable(page)
      for (const p of ['overview', 'response', 'resolution', 'satisfaction', 'scorecard']) {
        await page.click(`[data-page-tab="${p}"]`)
        await page.waitForSelector(`[data-page="${p}"]`)
        await page.waitForTimeout(1200) // chart animations
        const scroll = await page.evaluate(() => [document.documentElement.scrollWidth > innerWidth, document.documentElement.scrollHeight > innerHeight])
        expect(scroll, `${p} ${w}: scrollbars`).toEqual([false, false])
        await page.screenshot({ path: `${SHOTS}/${p}-${w}x${h}.png` })
      }
      expect(errors).toEqual([])
      await page.close()
    }
  }, 300_000)
})
