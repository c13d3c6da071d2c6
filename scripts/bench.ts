/**
 * npm run bench: import and KPI timings on DuckDB-wasm (the blocking Node build the CLI
 * uses), at 100 k and 1 M synthetic tickets. Each size runs in a fresh Node process (cold
 * wasm, its own peak RSS). Prints a table and writes bench-results/latest.json.
 * Figures are measurements of this machine, not assertions; see docs/performance.md.
 *
 *   npm run bench                 100 k and 1 M
 *   npm run bench -- 200000       other sizes
 *   npm run bench -- --runs 9     more runs per median (default 5)
 */
import type { Filters } from '../src/core/filters'
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { fileURLToPath } from 'node:url'
import { DEFAULT_CONFIG } from '../src/core/config'
import { Dataset } from '../src/core/dataset'
import { computeReport, loadedAsOf } from '../src/core/report'
import { computeWallExtras } from '../src/core/wall'
import { createNodeEngine } from '../src/db/node-engine'
import { importFile } from '../src/import/import-file'
import { bareEngine } from './bench-bare'
import { benchCsv } from './bench-data'

type Row = Record<string, string | number | Record<string, number | null> | object>

const mb = (n: number) => Math.round(n / 1024 / 1024)

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now()
  const v = await fn()
  return [v, Math.round(performance.now() - t0)]
}

async function median(fn: () => Promise<unknown>, runs: number): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push((await timed(fn))[1])
  times.sort((a, b) => a - b)
  return times[Math.floor(runs / 2)]!
}

/** The filter changes timed: the wall's report plus its chart extras, as src/db/wall-backend.ts runs them. */
const FILTERS: Record<string, Filters> = {
  filter_change_ms_median: { from: '2026-10', to: '2026-10', vendors: ['用友U9'] },
  one_month_ms_median: { from: '2026-10', to: '2026-10' },
  one_vendor_ms_median: { vendors: ['用友U9'] },
  quarter_ms_median: { from: '2026-07', to: '2026-09' },
  full_wall_ms_median: {},
}

async function benchSize(rows: number, runs: number): Promise<Row> {
  const bytes = new TextEncoder().encode(benchCsv(rows))
  // The bare engine first, in the same process: its peak RSS is then a floor under the app's.
  const bare = await bareEngine(bytes, runs)
  const [imported, importMs] = await timed(() => importFile(bytes, 'bench.csv'))
  if (imported.report.error) throw new Error(imported.report.error)
  const engine = await createNodeEngine()
  const ds = await Dataset.open(engine, DEFAULT_CONFIG)
  const [, loadMs] = await timed(() => ds.add([imported]))
  const buildSteps = Object.fromEntries(ds.lastBuildTimings.map(s => [s.step, Math.round(s.ms)]))
  const buildMs = Math.round(ds.lastBuildTimings.reduce((a, s) => a + s.ms, 0))
  const report = (f: Filters) => computeReport(engine, DEFAULT_CONFIG, f, ds.importReport())
  const extras = async (f: Filters) => computeWallExtras(engine, f, (await loadedAsOf(engine)).ms ?? 0)
  const wall = async (f: Filters) => {
    await report(f)
    await extras(f)
  }
  const [first, firstReportMs] = await timed(() => report({}))
  // Warm-up runs first: V8 tiers the wasm code up while it runs, and the first report
  // filtered to one vendor or one month makes a quantile cache, so the first calls after a
  // load are slower than the filter changes that follow. The first round is reported apart.
  const firstCall: Record<string, number> = {}
  for (const [key, f] of Object.entries(FILTERS)) firstCall[key.replace('_ms_median', '')] = (await timed(() => wall(f)))[1]
  for (let i = 0; i < 2; i++) for (const f of Object.values(FILTERS)) await wall(f)
  const filterTimes: Record<string, number> = {}
  for (const [key, f] of Object.entries(FILTERS)) filterTimes[key] = await median(() => wall(f), runs)
  filterTimes.filter_change_report_ms_median = await median(() => report(FILTERS.filter_change_ms_median!), runs)
  filterTimes.filter_change_extras_ms_median = await median(() => extras(FILTERS.filter_change_ms_median!), runs)
  const rss = process.memoryUsage().rss
  await engine.close()
  const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null)
  return {
    rows,
    csv_mb: mb(bytes.byteLength),
    import_ms: importMs,
    duckdb_load_and_build_ms: loadMs,
    staging_ms: loadMs - buildMs,
    build_ms: buildMs,
    first_report_ms: firstReportMs,
    ...filterTimes,
    tickets: first.overall.tickets ?? 0,
    rss_mb: mb(rss),
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    build_steps_ms: buildSteps,
    first_call_ms: firstCall,
    bare_engine: bare,
    // File → table (import + load) and the first full report against the bare read_csv and KPI set; a filter change against the bare filtered set.
    ratio_to_bare: {
      file_to_table: ratio(importMs + loadMs, bare.load_ms),
      first_full_report: ratio(firstReportMs, bare.kpi_set_ms),
      drop_to_full_wall: ratio(importMs + loadMs + firstReportMs, bare.load_ms + bare.kpi_set_ms),
      filter_change: ratio(filterTimes.filter_change_ms_median ?? 0, bare.filter_change_ms_median),
    },
  }
}

const args = process.argv.slice(2)
const runsAt = args.indexOf('--runs')
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5
const childAt = args.indexOf('--child')
if (childAt >= 0) {
  // One size in this process; the parent reads the JSON line.
  console.log(JSON.stringify(await benchSize(Number(args[childAt + 1]), runs)))
}
else {
  const sizes = args.filter((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--runs').map(Number).filter(n => n > 0)
  const results: Row[] = []
  for (const n of sizes.length ? sizes : [100_000, 1_000_000]) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', String(n), '--runs', String(runs)],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 })
    if (child.status !== 0) throw new Error(`bench of ${n} rows failed (exit ${child.status})`)
    const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Row
    results.push(r)
    console.log(JSON.stringify(r))
  }
  console.table(results.map(({ build_steps_ms: _b, first_call_ms: _f, bare_engine: _e, ratio_to_bare: _r, ...r }) => r))
  console.table(results.map(r => ({ rows: r.rows, ...(r.bare_engine as Record<string, number>) })))
  console.table(results.map(r => ({ rows: r.rows, ...(r.ratio_to_bare as Record<string, number>) })))
  mkdirSync('bench-results', { recursive: true })
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version }
  writeFileSync('bench-results/latest.json', `${JSON.stringify({ date: new Date().toISOString(), node: process.version, machine, runs, results }, null, 2)}\n`)
}
