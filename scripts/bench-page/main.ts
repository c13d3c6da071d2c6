// The bare engine of `npm run bench` in Chromium: DuckDB-wasm 1.32 from node_modules, bundled
// by Vite as the wall bundles it, with no app around it. A bench-only root: never in dist/.
import * as duckdb from '@duckdb/duckdb-wasm'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import { kpiSql, loadSql } from '../bench-sql'

interface Bare { engine_ms?: number, visit_ms?: number, load_ms?: number, kpi_ms?: number, error?: string, times?: number[] }
const state: Bare = {}
const w = window as unknown as { bare: Bare, bareQueries: (where: string[]) => Promise<number[]> }
w.bare = state

const worker = new Worker(ehWorker)
const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker)
await db.instantiate(ehWasm)
await db.open({ query: { castBigIntToDouble: true } })
const conn = await db.connect()
await conn.query('SET autoload_known_extensions=false')
state.engine_ms = performance.now()

async function timed(sql: string): Promise<number> {
  const t0 = performance.now()
  await conn.query(sql)
  return performance.now() - t0
}

// First visit: the engine started, then the demo-sized CSV read and its KPI set (?demo=URL).
const demo = new URLSearchParams(location.search).get('demo')
if (demo) {
  await db.registerFileBuffer('demo.csv', new Uint8Array(await (await fetch(demo)).arrayBuffer()))
  await conn.query(loadSql(['demo.csv']).replace('TABLE bare', 'TABLE demo'))
  await conn.query(kpiSql().replace('FROM bare', 'FROM demo'))
  state.visit_ms = performance.now()
}

// A drop: each picked file registered as the browser's File (read as DuckDB asks), read_csv, the KPI set.
document.querySelector<HTMLInputElement>('#file')!.addEventListener('change', async (e) => {
  const files = [...((e.target as HTMLInputElement).files ?? [])]
  try {
    const t0 = performance.now()
    for (const f of files) await db.registerFileHandle(f.name, f, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true)
    await conn.query('DROP TABLE IF EXISTS bare')
    await conn.query(loadSql(files.map(f => f.name)))
    state.load_ms = performance.now() - t0
    state.kpi_ms = await timed(kpiSql())
  }
  catch (err) {
    state.error = String(err)
  }
})

/** The filtered KPI set for each WHERE clause, in order, each timed alone. */
w.bareQueries = async (where: string[]) => {
  const times: number[] = []
  for (const c of where) times.push(await timed(kpiSql(c)))
  return times
}
document.title = 'ready'
