import type { Browser, Page } from 'playwright-core'
import type { KpiReport } from '../../src/core/report-types'
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launch } from './browser'
import { dropFiles, expectTableMatches, waitForTable } from './wall-helpers'

const base = inject('baseURL')
const SHOTS = 'test-results/screenshots'
const BIN = path.resolve(import.meta.dirname, '../../bin/servicewall.mjs')
let browser: Browser

/** An export whose first-response and satisfaction columns have headers nothing recognises. */
const FILE = '致远OA_工单.csv'
const CSV = [
  '工单编号,创建时间,Reply stamp,Grade,状态',
  'Z1,2026-10-05 09:00,2026-10-05 09:40,5,已关闭',
  'Z2,2026-10-06 10:00,2026-10-06 13:00,3,已关闭',
  'Z3,2026-11-02 14:00,2026-11-02 14:10,4,处理中',
  'Z4,2026-11-03 08:00,,,待受理',
].join('\r\n')

beforeAll(async () => {
  browser = await launch()
  mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
})

async function cliReport(mapping: object): Promise<KpiReport> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-columns-'))
  writeFileSync(path.join(dir, FILE), CSV)
  writeFileSync(path.join(dir, 'map.json'), JSON.stringify(mapping))
  const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'report', '--format', 'json', '--from', '2026-10', '--to', '2026-11', '--map', `${FILE}=${path.join(dir, 'map.json')}`, path.join(dir, FILE)])
  return JSON.parse(stdout) as KpiReport
}

const rowOf = (page: Page, header: string) => page.$eval(`[data-testid="column-row"][data-header="${header}"]`, tr => tr.getAttribute('data-field'))

describe('the column report on the wall', () => {
  it('lists unknown columns, explains the "—", and one mapping there gives the CLI\'s numbers', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    await page.goto(`${base}?from=2026-10&to=2026-11`)
    await waitForTable(page)
    await dropFiles(page, [{ name: FILE, bytes: new TextEncoder().encode(CSV) }])
    await page.click('[data-testid="vendor-ok"]')
    await page.waitForSelector('[data-testid="column-report"]')
    expect(await rowOf(page, 'Reply stamp')).toBe('')
    expect(await rowOf(page, 'Grade')).toBe('')
    expect(await rowOf(page, '创建时间')).toBe('created_at')
    const missing = await page.$$eval('[data-testid="missing-fields"] li', lis => lis.map(li => li.getAttribute('data-field')))
    expect(missing).toEqual(expect.arrayContaining(['first_response', 'satisfaction']))
    await page.screenshot({ path: `${SHOTS}/column-report-1080p.png` })

    await page.click('[data-testid="import-summary-close"]')
    const cell = '[data-testid="kpi-table"] td[data-kpi="first_response_avg_min"][data-vendor="致远OA"]'
    await page.waitForSelector(cell)
    expect(await page.getAttribute(cell, 'data-value')).toBe('')
    expect(await page.getAttribute(cell, 'title')).toContain(FILE)

    await page.click('[data-testid="open-import-summary"]')
    await page.waitForSelector('[data-testid="remap-file"]')
    await page.click('[data-testid="remap-file"]')
    await page.waitForSelector('[data-testid="mapping-dialog"]')
    expect(await page.$eval('select[data-target="created_at"]', s => (s as HTMLSelectElement).value)).toBe('创建时间')
    await page.selectOption('select[data-target="first_response_at"]', 'Reply stamp')
    await page.selectOption('select[data-target="satisfaction"]', 'Grade')
    await page.click('[data-testid="mapping-ok"]')
    await page.waitForSelector('[data-testid="import-summary-close"]')
    expect(await rowOf(page, 'Reply stamp')).toBe('first_response_at')
    await page.click('[data-testid="import-summary-close"]')

    const expected = await cliReport({ ticket_id: '工单编号', created_at: '创建时间', first_response_at: 'Reply stamp', satisfaction: 'Grade' })
    expect(expected.vendors[0]!.first_response_avg_min).toBeCloseTo((40 + 180 + 10) / 3, 9)
    expect(expected.vendors[0]!.csat_avg).toBeCloseTo(8, 9)
    await expectTableMatches(page, expected)
    await page.close()
  })
})
