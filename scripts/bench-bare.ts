/**
 * The bare engine in Node: DuckDB-wasm's blocking build opened straight from node_modules,
 * its own read_csv of the same files and the KPI set of bench-sql.ts, with no app around it
 * (no header recognition, normalization, rejection, dedupe, cube or import report). It runs
 * in its own child process, so its peak RSS is its own.
 */
import type { DuckDBBindings, DuckDBConnection } from '@duckdb/duckdb-wasm/blocking'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking'
import { benchCsv, PRIORITIES, VENDORS } from './bench-data'
import { filterCycle } from './bench-cycle'
import { kpiSql, loadSql, whereOf } from './bench-sql'
import { percentile } from './bench-stats'

const require = createRequire(import.meta.url)

/** Opened here, not through src/db/node-engine.ts: the bare engine must not change when the app's engine setup does. */
async function start(): Promise<{ db: DuckDBBindings, conn: DuckDBConnection }> {
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'))
  const db = await createDuckDB({
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
  }, new VoidLogger(), NODE_RUNTIME)
  await db.instantiate()
  db.open({ query: { castBigIntToDouble: true } })
  const conn = db.connect()
  conn.query('SET autoload_known_extensions=false')
  return { db, conn }
}

function ms(fn: () => void): number {
  const t0 = performance.now()
  fn()
  return Math.round(performance.now() - t0)
}

async function elapsed(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now()
  await fn()
  return Math.round(performance.now() - t0)
}

/** Engine started, `named` files registered and read with read_csv, the KPI set: what a drop costs the bare engine. */
async function dropOn(named: { name: string, bytes: Uint8Array }[]) {
  const t0 = performance.now()
  const e = await start()
  const started = Math.round(performance.now() - t0)
  for (const f of named) e.db.registerFileBuffer(f.name, f.bytes)
  const load = ms(() => e.conn.query(loadSql(named.map(f => f.name))))
  const kpi = ms(() => e.conn.query(kpiSql()))
  return { ...e, started, load, kpi }
}

export async function nodeBare(paths: string[], changes: number, demoTickets: number) {
  const named = () => paths.map(p => ({ name: path.basename(p), bytes: new Uint8Array(readFileSync(p)) }))
  // First visit: a cold engine, then as many tickets as the demo holds, read and queried.
  const demo = new TextEncoder().encode(benchCsv(demoTickets, 11))
  let engineMs = 0
  const visit = await elapsed(async () => {
    const v = await dropOn([{ name: 'demo.csv', bytes: demo }])
    engineMs = v.started
    await v.db.reset()
  })
  const files = named()
  const d = await dropOn(files)
  const times = filterCycle(changes, VENDORS.length, PRIORITIES.length).map(c => ms(() => d.conn.query(kpiSql(whereOf(c.state)))))
  await d.db.reset()
  // The bare engine keeps nothing: its reload is a new engine reading the CSV again.
  const reload = await elapsed(async () => void (await dropOn(named())).db.reset())
  return {
    engine_start_ms: engineMs,
    first_visit_ms: visit,
    file_to_table_ms: d.load,
    kpi_set_ms: d.kpi,
    drop_to_full_wall_ms: d.load + d.kpi,
    filter_change_ms: times,
    filter_change_p50_ms: percentile(times, 50),
    filter_change_p95_ms: percentile(times, 95),
    reload_ms: reload,
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
  }
}
