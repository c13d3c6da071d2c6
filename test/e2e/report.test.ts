import type { Browser, Page } from 'playwright-core'
import { execFile, execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_DIR } from '../../data/demo-report'
import { launch, watchForeignRequests } from './browser'
import { pngInk } from './png-pixels'

const base = inject('baseURL')
const SHOTS = 'test-results/screenshots'
const MONTH = '2026-10'
let browser: Browser

beforeAll(async () => {
  browser = await launch()
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
})

async function openReport(viewport = { width: 1920, height: 1080 }): Promise<{ page: Page, errors: string[], foreign: string[] }> {
  const page = await browser.newPage({ viewport, acceptDownloads: true })
  const errors: string[] = []
  const foreign = watchForeignRequests(page, base.replace(/\/$/, ''))
  page.on('pageerror', e => errors.push(e.message))
  await page.goto(`${base}?page=report&from=${MONTH}&to=${MONTH}`)
  await page.waitForSelector('[data-testid="monthly-report"] [data-table="worst-sla"] td[data-col]', { timeout: 90_000 })
  return { page, errors, foreign }
}

/** Every table cell of a report document: table, row, column, raw value, change and the text shown. */
function reportCells(page: Page): Promise<string[]> {
  return page.$$eval('.monthly-report table.rt td[data-col]', tds => tds.map((td) => {
    const table = td.closest('table')?.getAttribute('data-table') ?? ''
    const row = td.closest('tr')?.getAttribute('data-row') ?? ''
    return [table, row, td.getAttribute('data-col'), td.getAttribute('data-value'), td.getAttribute('data-change') ?? '', td.textContent?.replace(/\s+/g, ' ').trim()].join(' | ')
  }))
}

describe('the monthly report in Chromium', () => {
  it('shows the CLI\'s --format html report cell for cell (same month, same files)', async () => {
    const { page, errors, foreign } = await openReport()
    // The wall loads the demo files in this order (src/db/wall-backend.ts); the CLI gets them in the same order.
    const files = readdirSync(DEMO_DIR).sort((a, b) => a.localeCompare(b)).map(f => join(DEMO_DIR, f))
    const out = join(mkdtempSync(join(tmpdir(), 'servicewall-html-')), 'report.html')
    await promisify(execFile)(process.execPath, [resolve('bin/servicewall.mjs'), 'report', '--config', 'data/demo-config.json', '--month', MONTH, '--format', 'html', '--out', out, ...files])
    const cli = await browser.newPage()
    const cliForeign = watchForeignRequests(cli, 'file://')
    await cli.goto(`file://${out}`)
    const wall = await reportCells(page)
    const html = await reportCells(cli)
    expect(wall.length).toBeGreaterThan(300)
    expect(wall.filter(c => c.startsWith('kpi | ')).length).toBeGreaterThan(100)
    expect(wall).toEqual(html)
    expect(await page.textContent('h1')).toBe(await cli.textContent('h1'))
    expect(cliForeign).toEqual([])
    expect(foreign).toEqual([])
    expect(errors).toEqual([])
    await cli.close()
    await page.close()
  }, 180_000)

  it('prints to A4 landscape PDF pages that are not blank (page.pdf → pdftoppm)', async (ctx) => {
    if (!existsSync('/usr/bin/pdftoppm')) {
      console.warn('pdftoppm not found (apt-get install -y poppler-utils): the PDF page check is skipped')
      ctx.skip()
    }
    const { page } = await openReport()
    const dir = mkdtempSync(join(tmpdir(), 'servicewall-pdf-'))
    await page.evaluate(() => document.fonts.ready)
    await page.pdf({ path: join(dir, 'report.pdf'), preferCSSPageSize: true, printBackground: true })
    await page.close()
    execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, 'report.pdf'), join(dir, 'page')])
    const pngs = readdirSync(dir).filter(f => f.endsWith('.png')).sort()
    expect(pngs.length).toBeGreaterThan(0)
    for (const f of pngs) {
      const { width, height, ink } = pngInk(join(dir, f))
      // A4 landscape at 60 dpi: 297 × 210 mm = 702 × 496 px (±1 for rounding)
      expect(Math.abs(width - 702), f).toBeLessThanOrEqual(1)
      expect(Math.abs(height - 496), f).toBeLessThanOrEqual(1)
      expect(ink, `${f} is blank`).toBeGreaterThan(0.003)
      // Not a dark page either: the print stylesheet is light.
      expect(ink, `${f} is dark`).toBeLessThan(0.5)
    }
    writeFileSync(join(SHOTS, 'report-pdf-pages.txt'), `${pngs.length} pages in ${dir}\n`)
  }, 180_000)

  it('exports the report as PNG, the KPI table as CSV and a worst list as XLSX', async () => {
    const { page, errors } = await openReport()
    const save = async (testid: string) => {
      const [d] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.click(`[data-testid="${testid}"]`)])
      return { name: d.suggestedFilename(), path: await d.path() }
    }
    const csv = await save('csv-kpi')
    expect(csv.name).toBe(`servicewall-${MONTH}-kpi.csv`)
    const text = execFileSync('cat', [csv.path]).toString('utf8')
    expect(text.startsWith('\uFEFFKPI,')).toBe(true)
    expect(text).toContain('\r\n')
    expect((await save('xlsx-worst-sla')).name).toBe(`servicewall-${MONTH}-worst-sla.xlsx`)
    const png = await save('report-png')
    expect(png.name).toBe(`servicewall-${MONTH}-report.png`)
    const { width, ink } = pngInk(png.path)
    expect(width).toBeGreaterThan(500)
    expect(ink).toBeGreaterThan(0.01)
    expect(errors).toEqual([])
    await page.close()
  }, 120_000)

  it('screenshots: the report page and the breach board at 1920×1080 and 3840×2160', async () => {
    for (const [w, h] of [[1920, 1080], [3840, 2160]] as const) {
      const { page, errors } = await openReport({ width: w, height: h })
      await page.screenshot({ path: `${SHOTS}/report-${w}x${h}.png` })
      await page.click('[data-testid="report-back"]')
      await page.click('[data-page-tab="breaches"]')
      await page.waitForSelector('[data-testid="board-row"]', { timeout: 60_000 })
      await page.waitForTimeout(800)
      const scroll = await page.evaluate(() => [document.documentElement.scrollWidth > innerWidth, document.documentElement.scrollHeight > innerHeight])
      expect(scroll).toEqual([false, false])
      await page.screenshot({ path: `${SHOTS}/breaches-${w}x${h}.png` })
      expect(errors).toEqual([])
      await page.close()
    }
  }, 240_000)
})

/** The policy of issue 8 (sent as a header by a real server), and the one whole-page PNG export needs on top. */
const STRICT_CSP = 'default-src \'self\'; script-src \'self\' \'wasm-unsafe-eval\'; worker-src \'self\' blob:; connect-src \'self\''
const PNG_CSP = `${STRICT_CSP}; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'`

async function underCsp(csp: string, query: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true })
  await page.route('**/*', async (route) => {
    const r = await route.fetch()
    await route.fulfill({ response: r, headers: { ...r.headers(), 'content-security-policy': csp } })
  })
  await page.goto(`${base}${query}`)
  return page
}

async function download(page: Page, testid: string): Promise<string | null> {
  const d = page.waitForEvent('download', { timeout: 10_000 }).then(x => x.suggestedFilename(), () => null)
  await page.click(`[data-testid="${testid}"]`)
  return d
}

describe('PNG exports under the Content-Security-Policy sent as a header', () => {
  it('strict policy: a chart exports (canvas renderer), a whole page fails with a message instead of a blank picture', async () => {
    const page = await underCsp(STRICT_CSP, `?page=response&from=${MONTH}&to=${MONTH}`)
    await page.waitForSelector('[data-page="response"] [data-testid="chart"] svg', { timeout: 90_000 })
    await page.waitForTimeout(800)
    await page.hover('[data-testid="chart"]')
    expect(await download(page, 'chart-png')).toBe('chart.png')
    expect(await download(page, 'page-png')).toBeNull()
    expect(await page.textContent('[data-testid="wall-footer"]')).toContain('CSP')
    await page.close()
  }, 120_000)

  it('with img-src data: and style-src \'unsafe-inline\' added, the page exports', async () => {
    const page = await underCsp(PNG_CSP, `?from=${MONTH}&to=${MONTH}`)
    await page.waitForSelector('[data-testid="kpi-table"] td[data-kpi]', { timeout: 90_000 })
    expect(await download(page, 'page-png')).toBe('servicewall-overview.png')
    await page.close()
  }, 120_000)
})
