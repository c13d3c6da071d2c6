import type { Engine } from '../../../src/core/engine'
import type { Filters } from '../../../src/core/filters'
import type { Bounds } from '../../../src/core/sql/quantile-buckets'
import { describe, expect, it } from 'vitest'
import { Random } from '../../../data/gen/prng'
import { benchCsv } from '../../../scripts/bench-data'
import { mergeConfig } from '../../../src/core/config-merge'
import { Dataset } from '../../../src/core/dataset'
import { loadedAsOf } from '../../../src/core/report'
import { resolveFilters } from '../../../src/core/sql/filter-sql'
import { kpiQuery } from '../../../src/core/sql/kpi-query'
import { BOUNDS_SQL, bucketTablesSql, cleanBounds, ESTIMATE_BOUNDS_SQL } from '../../../src/core/sql/quantile-buckets'
import { createNodeEngine } from '../../../src/db/node-engine'
import { importFile } from '../../../src/import/import-file'

/**
 * Bucket selection (quantile-buckets.ts) against quantile_cont over the filtered tickets: the
 * same doubles, compared with Object.is, for random filters over every group of the report.
 * The bounds are the estimated ones, and coarse ones that put many tickets, and both ranks of
 * an interpolation, in one bucket or on either side of a bound.
 */
const QUANTILE_KPIS = ['first_response_p50_min', 'first_response_p90_min', 'resolution_p90_min', 'recovery_p90_min'] as const
const cfg = mergeConfig({})

async function open(csv: string): Promise<Engine> {
  const e = await createNodeEngine()
  const ds = await Dataset.open(e, cfg)
  if (csv) await ds.add([await importFile(new TextEncoder().encode(csv), 'q.csv')])
  return e
}

async function makeBuckets(e: Engine, coarse: boolean): Promise<Bounds> {
  const [est] = await e.query(ESTIMATE_BOUNDS_SQL)
  const bounds = ['m0', 'm1', 'm2'].map(c => cleanBounds(est?.[c]).filter((_, i) => !coarse || i % 20 === 7))
  await e.exec('DELETE FROM kpi_qbounds')
  for (const sql of bucketTablesSql(bounds)) await e.exec(sql)
  return bounds
}

function randomFilters(r: Random, months: string[], vendors: string[], priorities: string[]): Filters {
  const a = months[Math.floor(r.float() * months.length)]!
  const b = months[Math.floor(r.float() * months.length)]!
  const some = (xs: string[], p: number) => (r.float() < p ? xs.filter(() => r.float() < 0.5) : [])
  const range = r.float() < 0.2 ? {} : { from: a < b ? a : b, to: a < b ? b : a }
  return { ...range, vendors: some(vendors, 0.5), priorities: some(priorities, 0.4), channels: some(['电话', '邮件', '微信'], 0.2) }
}

async function differences(e: Engine, runs: number, seed: number): Promise<string[]> {
  const ms = (await loadedAsOf(e)).ms ?? 0
  const r = new Random(seed)
  const months = ['2025-11', '2025-12', '2026-01', '2026-03', '2026-06', '2026-11', '2026-12']
  const cases: Filters[] = [{}, { from: '2025-12', to: '2026-11' }, { from: '2026-02', to: '2026-10', vendors: ['用友U9'] }]
  for (let i = 0; i < runs; i++) cases.push(randomFilters(r, months, ['简道云ERP', '用友U9', 'SAP B1', '无此值'], ['紧急', '中', '低']))
  const out: string[] = []
  for (const fl of cases) {
    const f = await resolveFilters(e, fl)
    const plain = await e.query(kpiQuery(cfg, f, ms, null))
    const fast = await e.query(kpiQuery(cfg, f, ms, [], undefined, { buckets: [] }))
    expect(fast.length).toBe(plain.length)
    plain.forEach((p, i) => {
      for (const k of QUANTILE_KPIS) {
        if (!Object.is(fast[i]![k], p[k])) out.push(`${JSON.stringify(fl)} ${p.grp} ${p.vendor} ${p.month} ${p.priority} ${p.channel} ${k}: ${fast[i]![k]} vs ${p[k]}`)
      }
    })
  }
  return out
}

describe('exact quantiles by bucket selection', () => {
  it('equal quantile_cont on tickets with ties and NULL durations, with fine and coarse buckets', async () => {
    // whole minutes (many ties), 8 % unresolved (NULL resolution), faults only on some (recovery mostly NULL)
    const e = await open(benchCsv(4000, 13))
    for (const coarse of [false, true]) {
      const bounds = await makeBuckets(e, coarse)
      expect(bounds[0]!.length).toBeGreaterThan(coarse ? 1 : 30)
      expect(await differences(e, 30, coarse ? 2 : 1)).toEqual([])
    }
    const [made] = await e.query(BOUNDS_SQL)
    expect(made).toBeDefined()
    await e.close()
  }, 180_000)

  it('equal quantile_cont for a single ticket and for no tickets at all', async () => {
    for (const csv of [benchCsv(1, 3), '']) {
      const e = await open(csv)
      await makeBuckets(e, false)
      expect(await differences(e, 4, 5)).toEqual([])
      await e.close()
    }
  }, 60_000)
})
