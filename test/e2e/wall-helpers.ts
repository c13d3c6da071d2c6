import type { Page } from 'playwright-core'
import type { KpiReport } from '../../src/core/report-types'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'vitest'
import { DEMO_DIR, demoFileNames } from '../../data/demo-report'

/** Waits until the KPI table shows data (the wall has loaded and computed). */
export async function waitForTable(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="kpi-table"] td[data-kpi]', { timeout: 60_000 })
}

export interface Cell { vendor: string, kpi: string, value: string }

export function tableCells(page: Page): Promise<Cell[]> {
  return page.$$eval('[data-testid="kpi-table"] td[data-kpi]', tds => tds.map(td => ({
    vendor: td.getAttribute('data-vendor') ?? '',
    kpi: td.getAttribute('data-kpi') ?? '',
    value: td.getAttribute('data-value') ?? '',
  })))
}

/** Every cell against the report: same vendors, same raw number (1e-9), empty for NULL. */
export function mismatches(cells: Cell[], report: KpiReport): string[] {
  const out: string[] = []
  for (const c of cells) {
    const v = report.vendors.find(x => x.vendor === c.vendor)
    if (!v) {
      out.push(`${c.vendor}: not in the report`)
      continue
    }
    const expected = (v as unknown as Record<string, number | null>)[c.kpi]
    if (expected === undefined) out.push(`${c.vendor} ${c.kpi}: not a report key`)
    else if (expected === null ? c.value !== '' : Math.abs(Number(c.value) - expected) > 1e-9 || c.value === '') {
      out.push(`${c.vendor} ${c.kpi}: wall "${c.value}", report ${expected}`)
    }
  }
  return out
}

export async function expectTableMatches(page: Page, report: KpiReport): Promise<void> {
  const vendors = async () => [...new Set((await tableCells(page)).map(c => c.vendor))].sort()
  await expect.poll(vendors, { timeout: 30_000 }).toEqual(report.vendors.map(v => v.vendor).sort())
  await expect.poll(async () => mismatches(await tableCells(page), report), { timeout: 30_000 }).toEqual([])
}

/** Drops files on the page the way a browser does: a DataTransfer on a drop event. */
export async function dropFiles(page: Page, files: { name: string, bytes: Uint8Array }[]): Promise<void> {
  const payload = files.map(f => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64') }))
  await page.evaluate((items) => {
    const dt = new DataTransfer()
    for (const it of items) {
      const bin = atob(it.b64)
      const bytes = new Uint8Array(bin.length)
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
      dt.items.add(new File([bytes], it.name))
    }
    const target = document.querySelector('[data-testid="drop-zone"]') ?? document.body
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }))
    }
  }, payload)
}

export function demoFiles(): { name: string, bytes: Uint8Array }[] {
  return demoFileNames().map(name => ({ name, bytes: new Uint8Array(readFileSync(join(DEMO_DIR, name))) }))
}

/** Answers the vendor questions (prefilled from the file name) until the import summary shows. */
export async function confirmVendorsUntilSummary(page: Page): Promise<void> {
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (await page.$('[data-testid="import-summary-close"]')) return
    if (await page.$('[data-testid="mapping-ok"]')) throw new Error('a demo file asked for a column mapping')
    const ok = await page.$('[data-testid="vendor-ok"]')
    if (ok) await ok.click()
    else await page.waitForTimeout(100)
  }
  throw new Error('no import summary')
}
