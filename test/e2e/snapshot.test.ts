import type { BrowserContext, Page } from 'playwright-core'
import { rmSync } from 'node:fs'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { idle, launchProfile, newProfile, openWall, settledTable, tableText } from './persist-helpers'
import { confirmVendorsUntilSummary, demoFiles, dropFiles, waitForTable } from './wall-helpers'

const base = inject('baseURL')
const dir = newProfile()
let ctx: BrowserContext

afterAll(async () => {
  await ctx?.close().catch(() => undefined)
  rmSync(dir, { recursive: true, force: true })
})

/**
 * Every SQL text the page sends to a worker, recorded before the wall's code runs: the build
 * of `tickets` (its `CREATE TABLE tickets_n AS` + newline) tells a build from a snapshot put
 * back (src/core/snapshot.ts), which makes the same table with a single-line statement.
 */
const RECORD_SQL = `(() => {
  const sent = [];
  window.__sentSql = sent;
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (msg, ...rest) {
    const walk = (v, depth) => {
      if (typeof v === 'string') sent.push(v);
      else if (v && typeof v === 'object' && depth < 3) for (const k of Object.keys(v)) walk(v[k], depth + 1);
    };
    walk(msg, 0);
    return post.call(this, msg, ...rest);
  };
})();`

/** Engine imports that finished: each ends by dropping the `reason` work column of its table (stagedSql, src/core/sql/import-map.ts). */
const engineImports = (page: Page) => page.evaluate(() => (window as unknown as { __sentSql: string[] }).__sentSql
  .filter(s => /^ALTER TABLE sw_imported_\w+ DROP COLUMN reason$/.test(s)).length)

const builds = (page: Page) => page.evaluate(() => (window as unknown as { __sentSql: string[] }).__sentSql.filter(s => s.startsWith('CREATE TABLE tickets_n AS\nSELECT')).length)

async function snapshotShown(page: Page): Promise<number> {
  await page.click('[data-testid="open-storage"]')
  const el = await page.$('[data-testid="storage-snapshot"]')
  const bytes = el ? Number(await el.getAttribute('data-bytes')) : 0
  await page.click('[data-testid="storage-close"]')
  return bytes
}

describe('the built tables kept in the browser', () => {
  it('a first visit puts back the demo\'s shipped tables; an import runs its CSVs in the engine, the wall keeps its own tables, and a reload puts them back with the same numbers', async () => {
    ctx = await launchProfile(dir)
    await ctx.addInitScript({ content: RECORD_SQL })
    const page = await openWall(ctx, base)
    await idle(page)
    expect(await builds(page)).toBe(0) // the demo came with its snapshot (data/demo.snapshot)

    await dropFiles(page, demoFiles())
    await confirmVendorsUntilSummary(page)
    await page.click('[data-testid="import-summary-close"]')
    await idle(page)
    expect(await builds(page)).toBeGreaterThan(0) // the imported exports were built (once per file as it lands)
    // The three ticket CSVs were imported in DuckDB (the XLSX, the Parquet and the training CSV by the JS import).
    expect(await engineImports(page)).toBe(3)
    await expect.poll(() => snapshotShown(page), { timeout: 60_000, interval: 500 }).toBeGreaterThan(0)
    const before = await settledTable(page)

    await page.reload()
    await waitForTable(page)
    await idle(page)
    await expect.poll(() => tableText(page), { timeout: 30_000 }).toBe(before)
    expect(await builds(page)).toBe(0)
    expect(await snapshotShown(page)).toBeGreaterThan(0)
  }, 240_000)
})
