/**
 * Where a filter change's time goes at one size, in Node: the bench's 50 changes
 * (bench-cycle.ts) through computeWall, every engine call timed. For finding the slow
 * statements; the figures of record come from `npm run bench`.
 *
 *   npx tsx scripts/profile-filter.ts FILE.servicewall [changes] [rounds]
 */
import type { Engine } from '../src/core/engine'
import type { Filters } from '../src/core/filters'
import { readCanonicalPath } from '../src/cli/convert'
import { DEFAULT_CONFIG } from '../src/core/config'
import { Dataset } from '../src/core/dataset'
import { filterOptions } from '../src/core/wall'
import { computeWall } from '../src/core/wall-batch'
import { createNodeEngine } from '../src/db/node-engine'
import { filterCycle, LAST_MONTH } from './bench-cycle'
import { percentile } from './bench-stats'

const [file, changes = '50', rounds = '1'] = process.argv.slice(2)
const calls: { label: string, ms: number }[] = []

function label(sql: string): string {
  const s = sql.replace(/\s+/g, ' ')
  if (s.includes('training_coverage')) return s.includes('rank') ? 'kpiQuery(report)' : 'kpiQuery(trend)'
  for (const k of ['hist_cube', 'heat_cube', 'csat_cube', 'day_cube', 'kpi_quantiles', 'tickets_meta', 'enum_code(TRY_CAST', 'channel IS NOT NULL', 'category IS NOT NULL']) {
    if (s.includes(k)) return k
  }
  return s.slice(0, 60)
}

function timedEngine(e: Engine): Engine {
  const wrap = <A extends unknown[], R>(fn: (...a: A) => Promise<R>) => async (...a: A) => {
    const t0 = performance.now()
    try { return await fn(...a) } finally { calls.push({ label: label(String(a[0])), ms: performance.now() - t0 }) }
  }
  return { ...e, exec: wrap(e.exec), query: wrap(e.query) as Engine['query'] }
}

const imported = await readCanonicalPath(file!)
if (!imported) throw new Error(`${file}: not a converted file`)
const raw = await createNodeEngine()
const ds = await Dataset.open(raw, DEFAULT_CONFIG)
let t0 = performance.now()
await ds.add(imported)
console.log(`load + build ${Math.round(performance.now() - t0)} ms`, ds.lastBuildTimings ?? '')
const engine = timedEngine(raw)
const wall = (f: Filters) => ds.run(() => computeWall(engine, DEFAULT_CONFIG, f, ds.importReport()))
t0 = performance.now()
await wall({ from: LAST_MONTH, to: LAST_MONTH })
console.log(`first wall ${Math.round(performance.now() - t0)} ms`)
const opts = await filterOptions(raw)
for (let round = 0; round < Number(rounds); round++) {
  const times: number[] = []
  for (const c of filterCycle(Number(changes), opts.vendors.length, opts.priorities.length)) {
    const f: Filters = { from: c.state.from, to: c.state.to,
      vendors: c.state.vendor === null ? [] : [opts.vendors[c.state.vendor]!],
      priorities: c.state.priority === null ? [] : [opts.priorities[c.state.priority]!] }
    calls.length = 0
    t0 = performance.now()
    await wall(f)
    const ms = performance.now() - t0
    times.push(ms)
    const parts = calls.filter(x => x.ms >= 5).map(x => `${x.label} ${Math.round(x.ms)}`).join(', ')
    console.log(`${String(Math.round(ms)).padStart(5)} ms  ${c.kind.padEnd(8)} ${JSON.stringify(c.state)}  ${parts}`)
  }
  console.log(`round ${round + 1}: p50 ${percentile(times, 50)} ms, p95 ${percentile(times, 95)} ms`)
}
await raw.close()
