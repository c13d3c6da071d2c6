import type { Browser, Page } from 'playwright-core'
import type { KpiReport } from '../../src/core/report-types'
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_DIR, demoFileNames, demoReport } from '../../data/demo-report'
import { launch } from './browser'
import { confirmVendorsUntilSummary, demoFiles, dropFiles, expectTableMatches, tableCells, waitForTable } from './wall-helpers'

const base = inject('baseURL')
const SHOTS = 'test-results/screenshots'
const RANGE = { from: '2025-12', to: '2026-11', vendors: [] }
let browser: Browser

beforeAll(async () => {
  browser = await launch()
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
})

async function fill(page: Page, selector: string, value: string): Promise<void> {
  await page.fill(selector, value)
  await page.dispatchEvent(selector, 'change')
}

/** Settings as a manager makes them: targets, a weight, calendars with a lunch break and the holiday preset, ratings, headcount. */
async function makeSettings(page: Page): Promise<void> {
  await page.click('[data-testid="open-settings"]')
  await page.waitForSelector('[data-testid="settings-page"]')
  await fill(page, '[data-testid="sla-P1"]', '20')
  await fill(page, '[data-testid="weight-reputation"]', '30')
  await page.check('[data-testid="score-bh"]')
  await page.screenshot({ path: `${SHOTS}/settings-sla.png` })
  await page.click('[data-testid="settings-tab-calendars"]')
  await page.check('[data-testid="cal-work"]')
  await fill(page, '[data-testid="cal-hours-0"] input >> nth=1', '12:00')
  await page.click('[data-testid="cal-add-hours"]')
  await fill(page, '[data-testid="cal-hours-1"] input >> nth=0', '13:30')
  await fill(page, '[data-testid="cal-hours-1"] input >> nth=1', '18:00')
  await page.click('[data-testid="cal-preset-cn"]')
  await page.click('.keys button[data-vendor="金蝶云星辰"]')
  await page.check('[data-testid="cal-7x24"]')
  await page.click('.keys button[data-vendor="SAP B1"]')
  await page.check('[data-testid="cal-work"]')
  await page.check('[data-testid="cal-day-6"]')
  await page.click('.keys button[data-vendor="default"]')
  await page.screenshot({ path: `${SHOTS}/settings-calendars.png` })
  await page.click('[data-testid="settings-tab-vendors"]')
  await fill(page, '[data-testid="weight-external-2"]', '10')
  await fill(page, '[data-testid="headcount-default"]', '50')
  await fill(page, '[data-vendor="用友U9"] [data-testid="headcount"]', '20')
  await fill(page, '[data-vendor="简道云ERP"] [data-testid="rating"]', '9')
  await fill(page, '[data-vendor="SAP B1"] [data-testid="rating"]', '6.5')
  await page.click('[data-testid="preview-run"]')
  await page.waitForSelector('[data-testid="rank-preview"] tr[data-new-rank="1"]', { timeout: 60_000 })
  await page.screenshot({ path: `${SHOTS}/settings-vendors-preview.png` })
}

/** `servicewall report --format json --config FILE` over the demo exports, in the order the wall got them. */
async function cli(configFile: string): Promise<KpiReport> {
  const args = ['bin/servicewall.mjs', 'report', '--format', 'json', '--config', configFile, '--from', RANGE.from, '--to', RANGE.to, ...demoFileNames().map(n => join(DEMO_DIR, n))]
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 })
  return JSON.parse(stdout) as KpiReport
}

async function exportSettings(page: Page): Promise<{ file: string, json: unknown }> {
  await page.click('[data-testid="open-settings"]')
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="settings-export"]')])
  const file = join(tmpdir(), `sw-settings-${Date.now()}.json`)
  await download.saveAs(file)
  expect(download.suggestedFilename()).toBe('servicewall-config.json')
  await page.click('[data-testid="settings-cancel"]')
  return { file, json: JSON.parse(readFileSync(file, 'utf8')) }
}

describe('settings on the wall', () => {
  it('settings made on the wall, exported and given to the CLI as --config, give the wall\'s numbers', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, acceptDownloads: true })
    const errors: string[] = []
    page.on('pageerror', e => errors.push(e.message))
    await page.goto(`${base}?from=2025-12&to=2026-11`)
    await waitForTable(page)
    // Real data: the demo exports and training records dropped on the wall (the demo's headcount leaves).
    await dropFiles(page, demoFiles())
    await confirmVendorsUntilSummary(page)
    await page.click('[data-testid="import-summary-close"]')
    await expect.poll(async () => (await tableCells(page)).filter(c => c.kpi === 'training_coverage').map(c => c.value), { timeout: 30_000 }).toEqual(['', '', '', '', ''])

    await makeSettings(page)
    await page.click('[data-testid="settings-apply"]')
    await page.waitForSelector('[data-testid="settings-page"]', { state: 'detached' })
    await page.waitForSelector('[data-testid="kpi-table"] td[data-kpi="first_response_bh_avg_min"]')
    const { file, json: config } = await exportSettings(page)
    expect(config).toMatchObject({ slaTargetsMin: { P1: 20 }, score_business_hours: true, headcount: { default: 50, 用友U9: 20 }, ratings: { 简道云ERP: 9, 'SAP B1': 6.5 } })
    expect((config as { calendars: Record<string, unknown> }).calendars).toMatchObject({
      default: { days: [1, 2, 3, 4, 5], hours: [['09:00', '12:00'], ['13:30', '18:00']], workdays: expect.arrayContaining(['2025-01-26', '2026-02-14']) },
      金蝶云星辰: '7x24',
      'SAP B1': { days: [1, 2, 3, 4, 5, 6] },
    })

    const expected = await cli(file)
    await expectTableMatches(page, expected)
    const cells = await tableCells(page)
    const cell = (v: string, k: string) => cells.find(c => c.vendor === v && c.kpi === k)!.value
    // 金蝶云星辰 works 7x24: its business-hours KPIs equal the plain ones; the others' differ.
    expect(cell('金蝶云星辰', 'first_response_bh_avg_min')).toBe(cell('金蝶云星辰', 'first_response_avg_min'))
    expect(Number(cell('用友U9', 'first_response_bh_avg_min'))).toBeLessThan(Number(cell('用友U9', 'first_response_avg_min')))
    expect(Number(cell('用友U9', 'training_coverage'))).toBeGreaterThan(0)
    expect(expected.vendors.find(v => v.vendor === '简道云ERP')!.dimensions.external).toBeCloseTo(90, 9)
    await page.screenshot({ path: `${SHOTS}/settings-applied-overview.png` })
    expect(errors).toEqual([])
    await page.close()
  })

  it('a config file that fails validation is refused with field and reason; the settings stay', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    await page.goto(`${base}?from=2025-12&to=2026-11`)
    await waitForTable(page)
    await page.click('[data-testid="open-settings"]')
    await page.setInputFiles('[data-testid="settings-import-input"]', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ slaTargetsMin: { P1: -1 }, calendars: { default: { holidays: ['2025-13-01'] } } })) })
    await page.waitForSelector('[data-testid="config-errors"]')
    const paths = await page.$$eval('[data-testid="config-errors"] li', lis => lis.map(li => li.getAttribute('data-path')))
    expect(paths).toEqual(['slaTargetsMin.P1', 'calendars.default.holidays[0]'])
    await page.screenshot({ path: `${SHOTS}/settings-refused.png` })
    await page.click('[data-testid="settings-cancel"]')
    await expectTableMatches(page, await demoReport(RANGE))
    await page.close()
  })
})
