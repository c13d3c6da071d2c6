import type { Browser } from 'playwright-core'
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { DEMO_CANONICAL } from '../../data/demo-canonical'
import { demoReport } from '../../data/demo-report'
import { launch, watchForeignRequests } from './browser'
import { demoFiles, dropFiles, expectTableMatches, tableCells, waitForTable } from './wall-helpers'

const base = inject('baseURL')
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

describe('a converted file (servicewall convert) in the wall', () => {
  it('dropped, it shows the same import summary and every KPI cell of the original exports, without a question', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } })
    const foreign = watchForeignRequests(page, base.replace(/\/$/, ''))
    const errors: string[] = []
    page.on('pageerror', e => errors.push(e.message))
    await page.goto(`${base}?from=2025-12&to=2026-11`)
    await waitForTable(page)
    await dropFiles(page, [{ name: 'demo.servicewall', bytes: new Uint8Array(readFileSync(DEMO_CANONICAL)) }])
    // No vendor or mapping question: those were answered when the file was converted.
    await page.waitForSelector('[data-testid="import-summary-close"]', { timeout: 60_000 })
    expect(await page.$('[data-testid="vendor-ok"]')).toBeNull()
    const files = await page.$$eval('[data-testid="import-file"]', rows => rows.map(r => r.getAttribute('data-file')))
    expect(files.sort()).toEqual(demoFiles().map(f => f.name).sort())
    expect(await page.$$eval('[data-testid="rejected-rows"] tbody tr', rows => rows.length)).toBe(6)
    await page.click('[data-testid="import-summary-close"]')
    // Real data now, as when the exports are dropped: the CLI's numbers without the demo's own settings.
    const expected = await demoReport(undefined, {})
    await expectTableMatches(page, expected)
    expect((await tableCells(page)).length).toBeGreaterThan(20)
    expect(foreign).toEqual([])
    expect(errors).toEqual([])
    await page.close()
  })
})
