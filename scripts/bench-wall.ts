/**
 * The wall in Chromium, driven only through its UI: first visit (the demo), a drop through
 * the file input, 50 filter changes through the filter bar, a reload restored from the
 * browser's storage. The Chromium process tree's PSS is sampled the whole time.
 */
import type { BrowserContext, Page } from 'playwright-core'
import type { Change } from './bench-cycle'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS } from '../test/e2e/browser'
import { filterCycle } from './bench-cycle'
import { rootPid, samplePss } from './bench-proc'
import { RECORDER } from './bench-recorder'
import { pageNow, settle } from './bench-settle'
import { percentile } from './bench-stats'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const LONG = 60 * 60_000

/** A fresh profile in its own browser; the PSS sampler follows that browser's process tree. */
export async function freshBrowser(): Promise<{ ctx: BrowserContext, page: Page, pss: ReturnType<typeof samplePss>, close: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'servicewall-bench-profile-'))
  const ctx = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, viewport: { width: 1920, height: 1080 } })
  const pss = samplePss(rootPid(profile))
  const page = ctx.pages()[0] ?? await ctx.newPage()
  return { ctx, page, pss, close: async () => {
    pss.stop()
    await ctx.close()
    rmSync(profile, { recursive: true, force: true })
  } }
}

const checkbox = (testid: string) => `[data-testid="${testid}"] .pop input[type="checkbox"]`

async function openList(page: Page, testid: string): Promise<void> {
  if (await page.$(`[data-testid="${testid}"] .pop`)) return
  await page.click(`[data-testid="${testid}"] .trigger`)
  await page.waitForSelector(checkbox(testid))
}

async function change(page: Page, c: Change): Promise<void> {
  if (c.kind === 'month') {
    await page.keyboard.press('Escape')
    await page.selectOption('[data-testid="filter-from"]', String(c.option))
    return
  }
  const testid = c.kind === 'vendor' ? 'filter-vendor' : 'filter-priority'
  await openList(page, testid)
  await page.locator(checkbox(testid)).nth(Number(c.option)).click()
}

/**
 * Opens the storage dialog until it counts `rows` stored tickets (the data set is in the
 * browser's storage), then until it also holds the snapshot of the built tables, which is
 * written in the background after a load (a user's next reload finds it). True when it did
 * within SNAPSHOT_WAIT_MS; the reload is measured either way.
 */
const SNAPSHOT_WAIT_MS = 180_000
export async function waitStored(page: Page, rows: number): Promise<boolean> {
  const deadline = Date.now() + LONG
  let stored = Infinity
  while (Date.now() < deadline) {
    await page.click('[data-testid="open-storage"]')
    const n = Number(await page.getAttribute('[data-testid="storage-usage"]', 'data-rows'))
    const snapshot = await page.$('[data-testid="storage-snapshot"]')
    await page.click('[data-testid="storage-close"]')
    if (n >= rows) stored = Math.min(stored, Date.now())
    if (n >= rows && (snapshot || Date.now() - stored > SNAPSHOT_WAIT_MS)) return !!snapshot
    await page.waitForTimeout(500)
  }
  throw new Error('the data set was never stored')
}

export async function wallRun(url: string, files: string[], rows: number, changes: number) {
  const b = await freshBrowser()
  try {
    const { page } = b
    await b.ctx.addInitScript({ content: RECORDER })
    await page.goto(url)
    const visit = await settle(page, 0, { quietMs: 1000, timeoutMs: 300_000 })
    let t = await pageNow(page)
    await page.setInputFiles('[data-testid="file-input"]', files)
    const drop = await settle(page, t, { quietMs: 1500, timeoutMs: LONG, summary: true, cellsNot: visit.cells })
    const pssAfterDrop = b.pss.nowMb()
    // A file the wall did not load (DuckDB-wasm out of memory at 5 M, for one) makes the later figures of another data set: the size is reported failed.
    const failed = await page.$$eval('[data-testid="import-file"].failed', rows => rows.map(r => r.textContent?.replace(/\s+/g, ' ').slice(0, 300) ?? ''))
    if (failed.length) throw new Error(`after ${drop.done} ms and at ${pssAfterDrop} MB PSS, ${failed.length} of ${files.length} files not loaded: ${failed.join(' | ')}`)
    await page.click('[data-testid="import-summary-close"]')
    const snapshotStored = await waitStored(page, rows)
    // The lists as the wall offers them: count the options once.
    await openList(page, 'filter-vendor')
    const vendors = await page.locator(checkbox('filter-vendor')).count()
    await openList(page, 'filter-priority')
    const priorities = await page.locator(checkbox('filter-priority')).count()
    await page.keyboard.press('Escape')
    const times: number[] = []
    const busy: number[] = []
    const firstFinal: number[] = []
    let cells = drop.cells
    for (const c of filterCycle(changes, vendors, priorities)) {
      t = await pageNow(page)
      await change(page, c)
      const s = await settle(page, t, { quietMs: 600, timeoutMs: 300_000 })
      times.push(s.done)
      cells = s.cells
      if (s.busy !== null) busy.push(s.busy)
      if (s.firstFinal !== null) firstFinal.push(s.firstFinal)
    }
    await page.keyboard.press('Escape')
    // The same wall must come back: the filters from the address, the data set from storage.
    await page.reload()
    const reload = await settle(page, 0, { quietMs: 1000, timeoutMs: LONG, cellsEq: cells })
    return {
      first_visit_ms: visit.done,
      file_to_table_ms: drop.summary,
      drop_to_full_wall_ms: drop.done,
      filter_change_ms: times,
      filter_change_p50_ms: percentile(times, 50),
      filter_change_p95_ms: percentile(times, 95),
      input_to_busy_ms_p50: percentile(busy, 50),
      reload_ms: reload.done,
      reload_snapshot_stored: snapshotStored,
      // When the final numbers first showed; the figures above wait for the wall to finish (a later re-render or [data-busy] going).
      first_final_cells_ms: { first_visit: visit.firstFinal, drop: drop.firstFinal, reload: reload.firstFinal,
        filter_change_p50: percentile(firstFinal, 50), filter_change_p95: percentile(firstFinal, 95) },
      pss_after_drop_mb: pssAfterDrop,
      peak_pss_mb: b.pss.stop(),
      filter_options: { vendors, priorities },
    }
  }
  finally {
    await b.close()
  }
}
