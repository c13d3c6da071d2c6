/**
 * npx tsx scripts/measure-reload.ts [rows...]: the candidates for the fast reload format of the
 * canonical tickets, measured in Node (DuckDB-wasm's blocking build) against the CSV of the same
 * tickets in the same run. Each candidate's load ends in `raw_tickets_0`, as a staged file does.
 * (a) a DuckDB database file ATTACHed READ_ONLY from a registered buffer, (b) Arrow IPC through
 * insertArrowFromIPCStream, (c) Parquet decoded by hyparquet into Arrow. Figures for
 * docs/performance.md ("Fast reload format"); no assertions.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { tableFromIPC } from 'apache-arrow'
import { parquetReadObjects } from 'hyparquet'
import { parquetWriteBuffer } from 'hyparquet-writer'
import { openNodeDuckDB } from '../src/db/node-engine'
import { importFile } from '../src/import/import-file'
import { batchToArrowIPC } from '../src/import/to-arrow'
import type { CanonicalBatch } from '../src/core/schema'
import { benchCsv } from './bench-data'

const sizes = process.argv.slice(2).map(Number)
const ms = (t0: number) => Math.round(performance.now() - t0)
const mb = (n: number) => Math.round(n / 1e5) / 10

const PARQUET_TYPES: Record<string, string> = {
  row_no: 'INT32', ticket_id: 'STRING', vendor: 'STRING', created_ms: 'DOUBLE', first_response_ms: 'DOUBLE', resolved_ms: 'DOUBLE',
  recovered_ms: 'DOUBLE', priority: 'STRING', channel: 'STRING', category: 'STRING', is_fault: 'BOOLEAN', reopen_count: 'INT32',
  satisfaction: 'DOUBLE', customer: 'STRING',
}

async function count(conn: { query: (s: string) => { toArray: () => { n: number }[] } }): Promise<number> {
  return Number(conn.query('SELECT count(*)::INTEGER AS n FROM raw_tickets_0').toArray()[0]!.n)
}

for (const rows of sizes.length ? sizes : [100_000, 1_000_000]) {
  const csv = new TextEncoder().encode(benchCsv(rows))
  const out: Record<string, unknown> = { rows, csv_mb: mb(csv.length) }

  // CSV through the app's import today: parse + map in JS, then Arrow IPC into DuckDB.
  let { db, conn } = await openNodeDuckDB()
  let t0 = performance.now()
  const imported = await importFile(csv, 'bench_tickets.csv')
  const ipc = imported.ipc!
  conn.insertArrowFromIPCStream(ipc, { name: 'raw_tickets_0', create: true })
  out.csv_app_ms = ms(t0)
  out.tickets = await count(conn)
  // The same CSV through DuckDB's read_csv (bare engine, typed as it sniffs).
  db.registerFileBuffer('bare.csv', csv)
  t0 = performance.now()
  conn.query(`CREATE TABLE bare AS SELECT * FROM read_csv('bare.csv', header = true)`)
  out.csv_duckdb_read_csv_ms = ms(t0)
  conn.query('DROP TABLE bare')

  // (a) DuckDB database file: written by the same build, read back from a registered buffer.
  // Node's blocking runtime cannot write one that reads back (see docs/performance.md): the error is the figure.
  let dbFile: Uint8Array | null = null
  try {
    const dbPath = path.join(mkdtempSync(path.join(tmpdir(), 'reload-')), 'canon.db')
    conn.query(`ATTACH '${dbPath}' AS w`)
    conn.query('CREATE TABLE w.raw_tickets_0 AS SELECT * FROM raw_tickets_0')
    conn.query('FORCE CHECKPOINT w')
    conn.query('DETACH w')
    dbFile = new Uint8Array(readFileSync(dbPath))
    out.duckdb_file_mb = mb(dbFile.length)
  }
  catch (e) {
    out.duckdb_file_error = String(e).slice(0, 160)
  }
  // Rows as JS columns for the Parquet writer (outside the timing).
  const table = tableFromIPC(ipc)
  const columnData = table.schema.fields.map(f => ({ name: f.name, data: table.getChild(f.name)!.toArray() as unknown[], type: PARQUET_TYPES[f.name] }))
  for (const c of columnData) if (c.type === 'STRING' || c.type === 'BOOLEAN') c.data = [...table.getChild(c.name)!]
  for (const c of columnData) if (c.type !== 'STRING' && c.type !== 'BOOLEAN') c.data = [...table.getChild(c.name)!]
  conn.close()
  await db.reset()

  ;({ db, conn } = await openNodeDuckDB())
  try {
    db.registerFileBuffer('reload-buffer.db', dbFile ?? new Uint8Array(0))
    t0 = performance.now()
    conn.query(`ATTACH 'reload-buffer.db' AS r (READ_ONLY)`)
    conn.query('CREATE TABLE raw_tickets_0 AS SELECT * FROM r.raw_tickets_0')
    conn.query('DETACH r')
    out.duckdb_file_load_ms = ms(t0)
    out.duckdb_file_tickets = await count(conn)
  }
  catch (e) {
    out.duckdb_file_load_error = String(e).split('\n')[0]!.slice(0, 160)
  }
  const ext = conn.query(`SELECT extension_name AS e FROM duckdb_extensions() WHERE loaded`).toArray().map((r: { e: string }) => r.e)
  out.loaded_extensions = ext.join(' ')
  conn.close()
  await db.reset()

  // (b) Arrow IPC stream, as ImportedFile.ipc is today.
  ;({ db, conn } = await openNodeDuckDB())
  out.ipc_mb = mb(ipc.length)
  t0 = performance.now()
  conn.insertArrowFromIPCStream(ipc, { name: 'raw_tickets_0', create: true })
  out.ipc_load_ms = ms(t0)
  out.ipc_tickets = await count(conn)
  conn.close()
  await db.reset()

  // (c) Parquet (hyparquet-writer, default snappy), decoded by hyparquet, rebuilt as Arrow, inserted.
  const pq = new Uint8Array(parquetWriteBuffer({ columnData: columnData as never }))
  out.parquet_mb = mb(pq.length)
  ;({ db, conn } = await openNodeDuckDB())
  t0 = performance.now()
  const objs = await parquetReadObjects({ file: pq.buffer as ArrayBuffer }) as Record<string, unknown>[]
  const col = <T>(k: string) => objs.map(o => (o[k] ?? null) as T)
  const batch = {
    row: col<number>('row_no'), ticket_id: col<string>('ticket_id'), vendor: col<string>('vendor'), created_at: col<number>('created_ms'),
    first_response_at: col<number | null>('first_response_ms'), resolved_at: col<number | null>('resolved_ms'), recovered_at: col<number | null>('recovered_ms'),
    priority: col<string>('priority'), channel: col<string | null>('channel'), category: col<string | null>('category'), is_fault: col<boolean | null>('is_fault'),
    reopen_count: col<number | null>('reopen_count'), satisfaction: col<number | null>('satisfaction'), customer: col<string | null>('customer'),
  } as unknown as CanonicalBatch
  conn.insertArrowFromIPCStream(batchToArrowIPC(batch), { name: 'raw_tickets_0', create: true })
  out.parquet_hyparquet_load_ms = ms(t0)
  out.parquet_tickets = await count(conn)
  conn.close()
  await db.reset()
  out.peak_rss_mb = Math.round(process.resourceUsage().maxRSS / 1024)
  console.log(JSON.stringify(out))
}
