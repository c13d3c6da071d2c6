/**
 * The bare engine in Chromium (bench-page/): the same browser build, a fresh profile, the
 * same files through a file input, the same 50 filter states as SQL, a reload that has to
 * read the CSV again (the bare engine keeps nothing), and the process tree's PSS.
 */
import type { Page } from 'playwright-core'
import { filterCycle } from './bench-cycle'
import { whereOf } from './bench-sql'
import { percentile } from './bench-stats'
import { freshBrowser } from './bench-wall'

interface Bare { engine_ms?: number, visit_ms?: number, load_ms?: number, kpi_ms?: number, error?: string }

const bare = (page: Page) => page.evaluate('window.bare') as Promise<Bare>

async function load(page: Page, files: string[]): Promise<Bare> {
  await page.setInputFiles('#file', files)
  await page.waitForFunction('window.bare.kpi_ms !== undefined || window.bare.error !== undefined', undefined, { timeout: 3_600_000, polling: 100 })
  const b = await bare(page)
  if (b.error) throw new Error(`bare engine: ${b.error}`)
  return b
}

export async function bareRun(url: string, files: string[], changes: number, vendors: number, priorities: number) {
  const b = await freshBrowser()
  try {
    const { page } = b
    await page.goto(`${url}?demo=demo.csv`)
    await page.waitForFunction('window.bare && window.bare.visit_ms !== undefined', undefined, { timeout: 300_000, polling: 50 })
    const visit = await bare(page)
    const dropped = await load(page, files)
    const where = filterCycle(changes, vendors, priorities).map(c => whereOf(c.state))
    const times = (await page.evaluate(`window.bareQueries(${JSON.stringify(where)})`) as number[]).map(Math.round)
    await page.goto(url)
    await page.waitForFunction('window.bare && window.bare.engine_ms !== undefined', undefined, { timeout: 300_000, polling: 50 })
    const again = await load(page, files)
    const r = Math.round
    return {
      engine_start_ms: r(visit.engine_ms!),
      first_visit_ms: r(visit.visit_ms!),
      file_to_table_ms: r(dropped.load_ms!),
      kpi_set_ms: r(dropped.kpi_ms!),
      drop_to_full_wall_ms: r(dropped.load_ms! + dropped.kpi_ms!),
      filter_change_ms: times,
      filter_change_p50_ms: percentile(times, 50),
      filter_change_p95_ms: percentile(times, 95),
      reload_ms: r(again.engine_ms! + again.load_ms! + again.kpi_ms!),
      peak_pss_mb: b.pss.stop(),
    }
  }
  finally {
    await b.close()
  }
}
