import type { Page } from 'playwright-core'
import type { Engine } from '../../src/core/engine'
import type { Filters } from '../../src/core/filters'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { benchCsv } from '../../scripts/bench-data'
import { DEFAULT_CONFIG } from '../../src/core/config'
import { Dataset } from '../../src/core/dataset'
import { computeReport } from '../../src/core/report'
import { createNodeEngine } from '../../src/db/node-engine'
import { importFile } from '../../src/import/import-file'
import { writeCanonicalParquet } from '../../src/import/remote-writer'
import { rangeServer } from '../unit/import/range-server'
import { sharedBrowser } from './shared-browser'
import { expectTableMatches, waitForTable } from './wall-helpers'

const browser = sharedBrowser()
let engine: Engine
let ds: Dataset
let server: Awaited<ReturnType<typeof rangeServer>>
let size = 0

const expected = (filters: Filters) => ds.run(() => computeReport(engine, DEFAULT_CONFIG, { vendors: [], priorities: [], channels: [], categories: [], ...filters }, ds.importReport()))

beforeAll(async () => {
  engine = await createNodeEngine()
  ds = await Dataset.open(engine, DEFAULT_CONFIG)
  await ds.add([await importFile(new TextEncoder().encode(benchCsv(300_000, 11)), 'tickets.csv')])
  const bytes = await writeCanonicalParquet(engine, ds.importReport())
  size = bytes.length
  server = await rangeServer(bytes, '/tickets.parquet')
}, 300_000)
afterAll(async () => {
  await server?.close()
  await engine?.close()
})

/** The wall's own origin serves /remote/tickets.parquet: the requests go on to the logging range server. */
async function openWall(query: string): Promise<Page> {
  const page = await browser().newPage({ viewport: { width: 1920, height: 1080 } })
  await page.route('**/remote/tickets.parquet', async (route) => {
    await route.fulfill({ response: await route.fetch({ url: server.url }) })
  })
  await page.goto(`${inject('baseURL')}${query}`)
  return page
}

describe('the wall on a data set at a URL', () => {
  it('fetches the month window by ranges, shows the same figures as the tickets loaded locally, and fetches only what a wider window adds', async () => {
    const page = await openWall('?data=/remote/tickets.parquet&from=2026-05&to=2026-06')
    await waitForTable(page)
    await expectTableMatches(page, await expected({ from: '2026-05', to: '2026-06' }))
    const first = server.served()
    console.log(`wall, 2026-05..06: ${server.log.length} range requests, ${first} of ${size} bytes (${(100 * first / size).toFixed(1)} %)`)
    expect(server.log.some(r => r.whole)).toBe(false)
    expect(first).toBeLessThan(size / 2)
    // The link keeps the data set: a reload opens the same URL.
    expect(new URL(page.url()).searchParams.get('data')).toBe('/remote/tickets.parquet')

    // Back/forward to a wider window: the missing row groups, not the ones fetched before.
    const seen = server.log.length
    await page.evaluate(() => {
      history.pushState(null, '', `${location.pathname}?data=/remote/tickets.parquet&from=2026-02&to=2026-06`)
      dispatchEvent(new PopStateEvent('popstate'))
    })
    await expectTableMatches(page, await expected({ from: '2026-02', to: '2026-06' }))
    const added = server.log.slice(0, seen)
    expect(server.log.slice(seen).length).toBeGreaterThan(0)
    expect(server.log.slice(seen).every(r => !added.some(a => a.start === r.start))).toBe(true)
    console.log(`wall, 2026-02..06: ${server.served()} of ${size} bytes in all`)

    // The storage dialog says how much of the file the wall fetched.
    await page.click('[data-testid="open-storage"]')
    const progress = page.locator('[data-testid="url-source-progress"]')
    expect(Number(await progress.getAttribute('data-bytes'))).toBe(server.served())
    expect(Number(await progress.getAttribute('data-file-bytes'))).toBe(size)
    if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT })
    await page.close()
  }, 300_000)
})
