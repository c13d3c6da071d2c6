import type { KpiConfig } from '../../../src/core/config'
import type { Engine } from '../../../src/core/engine'
import type { Filters } from '../../../src/core/filters'
import type { ImportReport } from '../../../src/core/report-types'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEMO_DIR, demoFileNames } from '../../../data/demo-report'
import { Random } from '../../../data/gen/prng'
import { benchCsv } from '../../../scripts/bench-data'
import { mergeConfig } from '../../../src/core/config-merge'
import { Dataset } from '../../../src/core/dataset'
import { assembleReport, loadedAsOf } from '../../../src/core/report'
import { backlogQuery } from '../../../src/core/sql/backlog-query'
import { resolveFilters } from '../../../src/core/sql/filter-sql'
import { kpiQuery } from '../../../src/core/sql/kpi-query'
import { resolveVendorSettings } from '../../../src/core/sql/vendor-codes'
import { wallExtras } from '../../../src/core/wall'
import { computeWall, trendFilters } from '../../../src/core/wall-batch'
import { createNodeEngine } from '../../../src/db/node-engine'
import { importFile } from '../../../src/import/import-file'

/**
 * The wall's batched answer (cubes, quantile caches, shared month groups) against the plain
 * SQL: every quantile from the filtered tickets, the backlog and the chart counts from
 * `tickets`, the trend as a report of its own.
 */
async function plain(e: Engine, cfg: KpiConfig, filters: Filters, imp: ImportReport) {
  const asOf = await loadedAsOf(e)
  const vs = await resolveVendorSettings(e, cfg)
  const report = async (fl: Filters) => {
    const f = await resolveFilters(e, fl)
    const rows = await e.query(kpiQuery(cfg, f, asOf.ms ?? 0, null, vs))
    return assembleReport(cfg, fl, rows, await e.query(backlogQuery(f, 'tickets')), asOf, imp)
  }
  const r = await report(filters)
  const t = await report(trendFilters(filters))
  const extras = await wallExtras(e, await resolveFilters(e, filters), asOf.ms ?? 0, 'tickets')
  return { report: r, trend: { months: t.months, vendor_months: t.vendor_months }, extras }
}

function differences(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) ? [] : [`${path}: ${a} vs ${b}`]
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    return [...keys].flatMap(k => differences((a as never)[k], (b as never)[k], `${path}.${k}`))
  }
  return a === b ? [] : [`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`]
}

const pick = <T>(r: Random, xs: readonly T[], max: number): T[] => xs.filter(() => r.float() < max / Math.max(1, xs.length))

/** Random filters over the loaded values, with values that match nothing and months outside the data. */
function randomFilters(r: Random, o: { months: string[], vendors: string[], priorities: string[], channels: string[], categories: string[] }): Filters {
  const months = ['2020-01', ...o.months, '2030-12']
  const a = months[Math.floor(r.float() * months.length)]!
  const b = months[Math.floor(r.float() * months.length)]!
  const range = r.float() < 0.15 ? { from: null, to: null } : r.float() < 0.3 ? { from: a, to: a } : { from: a < b ? a : b, to: a < b ? b : a }
  const list = (xs: string[], p: number) => (r.float() < p ? [...pick(r, xs, 1.3), ...(r.float() < 0.1 ? ['无此值'] : [])] : [])
  return { ...range, vendors: list(o.vendors, 0.5), priorities: list(o.priorities, 0.4), channels: list(o.channels, 0.2), categories: list(o.categories, 0.12) }
}

async function check(files: { name: string, bytes: Uint8Array }[], config: KpiConfig, runs: number, seed: number) {
  const e = await createNodeEngine()
  const ds = await Dataset.open(e, config)
  await ds.add(await Promise.all(files.map(f => importFile(f.bytes, f.name))))
  const imp = ds.importReport()
  const [o] = await e.query<Record<string, string[]>>(`SELECT
    list(DISTINCT strftime(mon, '%Y-%m')) AS months, list(DISTINCT vendor::VARCHAR) AS vendors, list(DISTINCT priority::VARCHAR) AS priorities,
    list(DISTINCT channel::VARCHAR) FILTER (WHERE channel IS NOT NULL) AS channels, list(DISTINCT category::VARCHAR) FILTER (WHERE category IS NOT NULL) AS categories FROM tickets`)
  const opts = Object.fromEntries(Object.entries(o!).map(([k, v]) => [k, [...(v ?? [])].map(String).sort()])) as never
  const r = new Random(seed)
  // the wall's usual start first (latest month), then random changes
  const cases: Filters[] = [{ from: (opts as { months: string[] }).months.at(-1) ?? null, to: (opts as { months: string[] }).months.at(-1) ?? null }, {}]
  for (let i = 0; i < runs; i++) cases.push(randomFilters(r, opts))
  const diffs: string[] = []
  for (const f of cases) {
    const fast = await computeWall(e, config, f, imp)
    const ref = await plain(e, config, f, imp)
    diffs.push(...differences(fast, ref, JSON.stringify(f)))
  }
  const [made] = await e.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE 'kpi_quantiles%'`)
  await e.close()
  return { diffs, caches: made!.n }
}

const csv = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) })

describe('a filter change answered in one batch', () => {
  it('equals the plain SQL on the demo data for random filters', async () => {
    const files = demoFileNames().map(n => ({ name: n, bytes: new Uint8Array(readFileSync(join(DEMO_DIR, n))) }))
    const { diffs, caches } = await check(files, mergeConfig({ headcount: 40 }), 40, 3)
    expect(caches).toBeGreaterThan(0) // the cached quantiles were read
    expect(diffs).toEqual([])
  }, 120_000)

  it('equals the plain SQL on synthetic tickets with ties in every quantile', async () => {
    // whole minutes: many tickets share each duration
    const { diffs, caches } = await check([csv('bench.csv', benchCsv(3000, 5))], mergeConfig({}), 40, 9)
    expect(caches).toBeGreaterThan(0)
    expect(diffs).toEqual([])
  }, 120_000)

  it('answers again after new data even when the filters and their SQL are the same', async () => {
    // the batch reuses rows of a query the previous batch ran with the same SQL: never across builds
    const e = await createNodeEngine()
    const ds = await Dataset.open(e, mergeConfig({}))
    const cfg = mergeConfig({})
    const f: Filters = { from: '2026-01', to: '2026-11', vendors: ['用友U9'] }
    await ds.add([await importFile(csv('a.csv', benchCsv(600, 6)).bytes, 'a.csv')])
    const first = await computeWall(e, cfg, f, ds.importReport())
    expect(differences(await computeWall(e, cfg, f, ds.importReport()), first)).toEqual([])
    await ds.add([await importFile(csv('b.csv', benchCsv(400, 8, 600)).bytes, 'b.csv')])
    const again = await computeWall(e, cfg, f, ds.importReport())
    expect(again.report.overall.tickets).toBeGreaterThan(first.report.overall.tickets ?? 0)
    expect(differences(again, await plain(e, cfg, f, ds.importReport()))).toEqual([])
    await e.close()
  }, 60_000)

  it('equals the plain SQL for a single ticket and for nothing loaded', async () => {
    expect((await check([csv('one.csv', benchCsv(1, 2))], mergeConfig({}), 8, 4)).diffs).toEqual([])
    expect((await check([], mergeConfig({}), 4, 5)).diffs).toEqual([])
  }, 60_000)
})
