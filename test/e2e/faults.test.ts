import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'
import { HOSTILE_CATEGORY, HOSTILE_FILE, HOSTILE_VENDOR, hostileCsv } from '../unit/helpers/hostile'
import { sharedBrowser } from './shared-browser'
import { dropFiles, waitForTable } from './wall-helpers'

const base = inject('baseURL')
const browser = sharedBrowser()

/** Opens the wall with every Worker it creates recorded, so a test can crash one. */
async function open(): Promise<{ page: Page, errors: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1920, height: 1080 } })
  const errors: string[] = []
  page.on('pageerror', e => errors.push(e.message))
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`)
    void d.dismiss()
  })
  await page.addInitScript(() => {
    const Native = window.Worker
    const seen: { url: string, worker: Worker }[] = []
    Object.assign(window, { __workers: seen })
    window.Worker = class extends Native {
      constructor(url: string | URL, opts?: WorkerOptions) {
        super(url, opts)
        seen.push({ url: String(url), worker: this })
        // window.__crashOnSql = 'text': the import worker dies when it asks the page for a statement holding it (before the page sees it).
        this.addEventListener('message', (ev: MessageEvent) => {
          const part = (window as unknown as { __crashOnSql?: string }).__crashOnSql
          const sql = (ev.data as { type?: string, request?: { sql?: string } })?.request?.sql
          if (!part || (ev.data as { type?: string })?.type !== 'engine' || !sql?.includes(part)) return
          delete (window as unknown as { __crashOnSql?: string }).__crashOnSql
          ev.stopImmediatePropagation()
          this.terminate()
          this.dispatchEvent(new ErrorEvent('error', { message: 'simulated crash' }))
        })
      }
    }
  })
  await page.goto(base)
  await waitForTable(page)
  return { page, errors }
}

/** Kills the newest worker whose script URL contains `part` the way a crash looks from the page: terminated, then an error event. */
function crash(page: Page, part: string): Promise<number> {
  return page.evaluate((p) => {
    const all = (window as unknown as { __workers: { url: string, worker: Worker }[] }).__workers.filter(w => w.url.includes(p))
    const w = all.at(-1)!.worker
    w.terminate()
    w.dispatchEvent(new ErrorEvent('error', { message: 'simulated crash' }))
    return all.length
  }, part)
}

const workerCount = (page: Page, part: string) => page.evaluate(p => (window as unknown as { __workers: { url: string }[] }).__workers.filter(w => w.url.includes(p)).length, part)

async function importAndClose(page: Page, files: { name: string, bytes: Uint8Array }[]): Promise<void> {
  await dropFiles(page, files)
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline && !(await page.$('[data-testid="import-summary-close"]'))) {
    const ok = await page.$('[data-testid="vendor-ok"]')
    if (ok) await ok.click()
    else await page.waitForTimeout(100)
  }
  await page.click('[data-testid="import-summary-close"]')
}

const enc = (s: string) => new TextEncoder().encode(s)
const ticketsCsv = (vendor: string, n: number) => enc(`Vendor,Ticket ID,Created time,Initial response time\n${Array.from({ length: n }, (_, i) => `${vendor},${vendor}-${i},2026-11-20 10:00,2026-11-20 10:30`).join('\n')}\n`)

describe('worker faults in Chromium', () => {
  it('a crashed DuckDB worker is restarted: nothing hangs, the data come back from storage with the same numbers, and the wall works on', async () => {
    const { page, errors } = await open()
    await importAndClose(page, [{ name: 'Acme_tickets.csv', bytes: ticketsCsv('Acme', 4) }])
    const cells = '[data-testid="kpi-table"] td[data-vendor="Acme"]'
    await page.waitForSelector(cells, { timeout: 30_000 })
    const values = () => page.$$eval(cells, tds => tds.map(td => `${td.getAttribute('data-kpi')}=${td.getAttribute('data-value')}`))
    const before = await values()
    expect(await crash(page, 'duckdb-browser')).toBe(1)
    // The next query (a page change recomputes nothing; a filter change does) meets the dead worker.
    await page.selectOption('[data-testid="filter-from"]', { index: 0 })
    await expect.poll(() => workerCount(page, 'duckdb-browser'), { timeout: 60_000 }).toBe(2)
    await page.selectOption('[data-testid="filter-from"]', { index: 0 })
    await expect.poll(values, { timeout: 60_000 }).toEqual(before)
    expect(await page.$('[data-testid="restart-notice"]')).toBeNull()
    // Importing more works on the new database.
    await importAndClose(page, [{ name: 'Beta_tickets.csv', bytes: ticketsCsv('Beta', 2) }])
    await page.waitForSelector('[data-testid="kpi-table"] td[data-vendor="Beta"]', { timeout: 30_000 })
    expect(await values()).toEqual(before)
    expect(errors).toEqual([])
    await page.close()
  })

  it('a crashed import worker is restarted on the next file', async () => {
    const { page, errors } = await open()
    // The worker starts with the first file.
    expect(await workerCount(page, 'import.worker')).toBe(0)
    await importAndClose(page, [{ name: 'Alpha_tickets.csv', bytes: ticketsCsv('Alpha', 2) }])
    await page.waitForSelector('[data-testid="kpi-table"] td[data-vendor="Alpha"]', { timeout: 30_000 })
    expect(await workerCount(page, 'import.worker')).toBe(1)
    await crash(page, 'import.worker')
    await importAndClose(page, [{ name: 'Beta_tickets.csv', bytes: ticketsCsv('Beta', 3) }])
    await page.waitForSelector('[data-testid="kpi-table"] td[data-vendor="Beta"]', { timeout: 30_000 })
    expect(await workerCount(page, 'import.worker')).toBe(2)
    expect(errors).toEqual([])
    await page.close()
  })

  it('an import worker that dies in the middle of an import in the engine: that file is listed with the error, the next one loads', async () => {
    const { page, errors } = await open()
    // The worker dies once DuckDB holds the file's cells, as it asks for its first look at them.
    await page.evaluate(() => Object.assign(window, { __crashOnSql: 'CREATE TEMP VIEW sw_imp_' }))
    await importAndClose(page, [{ name: 'Delta_tickets.csv', bytes: ticketsCsv('Delta', 3) }])
    await page.click('[data-testid="open-import-summary"]')
    const row = await page.waitForSelector('[data-testid="import-file"][data-file="Delta_tickets.csv"]')
    expect(await row.textContent()).toContain('simulated crash')
    await page.keyboard.press('Escape')
    expect(await page.$('[data-testid="kpi-table"] td[data-vendor="Delta"]')).toBeNull()
    await importAndClose(page, [{ name: 'Echo_tickets.csv', bytes: ticketsCsv('Echo', 2) }])
    await page.waitForSelector('[data-testid="kpi-table"] td[data-vendor="Echo"]', { timeout: 30_000 })
    expect(errors).toEqual([])
    await page.close()
  })

  it('"Load demo" asks before it replaces imported data, and keeps it when told to', async () => {
    const { page } = await open()
    await importAndClose(page, [{ name: 'Gamma_tickets.csv', bytes: ticketsCsv('Gamma', 2) }])
    await page.waitForSelector('[data-testid="kpi-table"] td[data-vendor="Gamma"]', { timeout: 30_000 })
    await page.click('[data-testid="load-demo"]')
    await page.waitForSelector('[data-testid="demo-dialog"]')
    expect(await page.textContent('[data-testid="demo-dialog"]')).toContain('Gamma_tickets.csv')
    await page.click('[data-testid="demo-keep"]')
    expect(await page.$('[data-testid="demo-dialog"]')).toBeNull()
    expect(await page.$('[data-testid="kpi-table"] td[data-vendor="Gamma"]')).not.toBeNull()
    await page.click('[data-testid="load-demo"]')
    await page.click('[data-testid="demo-replace"]')
    await page.waitForSelector('[data-testid="kpi-table"] td[data-vendor="SAP B1"]', { timeout: 60_000 })
    expect(await page.$('[data-testid="kpi-table"] td[data-vendor="Gamma"]')).toBeNull()
    await page.close()
  })

  it('hostile headers, names and file names load as text and run nothing', async () => {
    const { page, errors } = await open()
    await page.evaluate(() => Object.assign(window, { __ran: 0, alert: () => Object.assign(window, { __ran: 1 }) }))
    await importAndClose(page, [{ name: HOSTILE_FILE, bytes: hostileCsv() }])
    await page.waitForSelector('[data-testid="kpi-table"] td[data-vendor="Plain"]', { timeout: 30_000 })
    expect(await page.textContent('[data-testid="kpi-table"]')).toContain(HOSTILE_VENDOR)
    await page.click('[data-testid="open-import-summary"]')
    const row = await page.waitForSelector('[data-testid="import-file"]')
    expect(await row.getAttribute('data-file')).toBe(HOSTILE_FILE)
    expect(await row.textContent()).toContain(HOSTILE_FILE)
    await page.click('[data-testid="import-summary-close"]')
    await page.click('[data-page-tab="satisfaction"]')
    await page.waitForSelector('[data-page="satisfaction"]')
    const injected = await page.evaluate(() => ({
      ran: (window as unknown as { __ran: number }).__ran,
      elements: document.querySelectorAll('body script, svg[onload], img[src="x"], [onerror]').length,
    }))
    expect(injected).toEqual({ ran: 0, elements: 0 })
    // The category axis truncates long labels: its start, as text.
    expect(await page.evaluate(c => document.body.textContent?.includes(c), HOSTILE_CATEGORY.slice(0, 9))).toBe(true)
    expect(errors).toEqual([])
    await page.close()
  })
})
