/**
 * npm run bench: import and KPI timings on DuckDB-wasm (the Node build the CLI uses),
 * at 100 k and 1 M synthetic tickets. Prints a table and writes bench-results/latest.json.
 * Figures are measurements of this machine, not assertions; see docs/performance.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { DEFAULT_CONFIG } from '../src/core/config'
import { Dataset } from '../src/core/dataset'
import { computeReport, loadedAsOf } from '../src/core/report'
import { computeWallExtras } from '../src/core/wall'
import { createNodeEngine } from '../src/db/node-engine'
import { importFile } from '../src/import/import-file'
import { benchCsv } from './bench-data'

type Row = Record<string, string | number>

const mb = (n: number) => Math.round(n / 1024 / 1024)

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now()
  const v = await fn()
  return [v, Math.round(performance.now() - t0)]
}

async function median(fn: () => Promise<unknown>, runs = 5): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push((await timed(fn))[1])
  times.sort((a, b) => a - b)
  return times[Math.floor(runs / 2)]!
}

async function benchSize(rows: number): Promise<Row> {
  const bytes = new TextEncoder().encode(benchCsv(rows))
  const [imported, importMs] = await timed(() => importFile(bytes, 'bench.csv'))
  if (imported.report.error) throw new Error(imported.report.error)
  const engine = await createNodeEngine()
  const ds = await Dataset.open(engine, DEFAULT_CONFIG)
  const [, loadMs] = await timed(() => ds.add([imported]))
  const report = () => computeReport(engine, DEFAULT_CONFIG, {}, ds.importReport())
  const [first, firstReportMs] = await timed(report)
  const asOf = await loadedAsOf(engine)
  const filterChange = await median(async () => {
    const f = { from: '2026-10', to: '2026-10', vendors: ['用友U9'] }
    await computeReport(engine, DEFAULT_CONFIG, f, ds.importReport(), asOf)
    await computeWallExtras(engine, f, asOf.ms ?? 0)
  })
  const fullWall = await median(async () => {
    await computeReport(engine, DEFAULT_CONFIG, {}, ds.importReport(), asOf)
    await computeWallExtras(engine, {}, asOf.ms ?? 0)
  })
  const rss = process.memoryUsage().rss
  await engine.close()
  return {
    rows,
    csv_mb: mb(bytes.byteLength),
    import_ms: importMs,
    duckdb_load_and_build_ms: loadMs,
    first_report_ms: firstReportMs,
    filter_change_ms_median: filterChange,
    full_wall_ms_median: fullWall,
    tickets: first.overall.tickets ?? 0,
    rss_mb: mb(rss),
  }
}

const sizes = process.argv.slice(2).map(Number).filter(n => n > 0)
const results: Row[] = []
for (const n of sizes.length ? sizes : [100_000, 1_000_000]) {
  const r = await benchSize(n)
  results.push(r)
  console.log(JSON.stringify(r))
}
console.table(results)
mkdirSync('bench-results', { recursive: true })
writeFileSync('bench-results/latest.json', `${JSON.stringify({ date: new Date().toISOString(), node: process.version, results }, null, 2)}\n`)
