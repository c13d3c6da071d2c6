// The page of scripts/measure-reload-browser.ts: the reload candidates and the bare demo first visit, timed in Chromium.
import type { CanonicalBatch } from '../../src/core/schema'
import * as duckdb from '@duckdb/duckdb-wasm'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import { tableFromIPC } from 'apache-arrow'
import { parquetReadObjects } from 'hyparquet'
import { parquetWriteBuffer } from 'hyparquet-writer'
import demoUrl from '../../data/demo.servicewall?url'
import { ENGINE_SETUP_SQL } from '../../src/core/engine'
import { ImportClient } from '../../src/db/import-client'
import { readCanonicalFile } from '../../src/import/canonical-read'
import { batchToArrowIPC } from '../../src/import/to-arrow'

const ms = (t0: number) => Math.round(performance.now() - t0)

async function start(opts: duckdb.DuckDBConfig = { query: { castBigIntToDouble: true } }) {
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(ehWorker))
  await db.instantiate(ehWasm)
  await db.open(opts)
  const conn = await db.connect()
  for (const sql of ENGINE_SETUP_SQL) await conn.query(sql)
  return { db, conn }
}

const count = async (conn: duckdb.AsyncDuckDBConnection) => Number((await conn.query('SELECT count(*)::INTEGER AS n FROM raw_tickets_0')).toArray()[0]!.n)

/** The bare engine's first visit: start DuckDB-wasm, fetch the demo's converted file, stage every file. No app. */
async function bareDemo(): Promise<{ ms: number, tickets: number }> {
  const { conn } = await start()
  const files = (await readCanonicalFile(new File([await (await fetch(demoUrl)).blob()], 'demo.servicewall')))!
  let tickets = 0
  for (const [i, f] of files.entries()) {
    await conn.insertArrowFromIPCStream(f.ipc!, { name: f.kind === 'tickets' ? `raw_tickets_${i}` : 'training', create: true })
    if (f.kind === 'tickets') tickets += Number((await conn.query(`SELECT count(*)::INTEGER AS n FROM raw_tickets_${i}`)).toArray()[0]!.n)
  }
  return { ms: Math.round(performance.now()), tickets }
}

const PQ: Record<string, string> = {
  row_no: 'INT32', ticket_id: 'STRING', vendor: 'STRING', created_ms: 'DOUBLE', first_response_ms: 'DOUBLE', resolved_ms: 'DOUBLE', recovered_ms: 'DOUBLE',
  priority: 'STRING', channel: 'STRING', category: 'STRING', is_fault: 'BOOLEAN', reopen_count: 'INT32', satisfaction: 'DOUBLE', customer: 'STRING',
}

/** One CSV through the app's import and through read_csv, then its canonical tickets back through each candidate format. */
async function candidates(csvUrl: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  const file = new File([await (await fetch(csvUrl)).blob()], 'bench_tickets.csv')
  let { db, conn } = await start()
  let t0 = performance.now()
  const imported = await new ImportClient().import(file, {}, () => {})
  const ipc = imported.ipc!
  const keep = ipc.slice()
  await conn.insertArrowFromIPCStream(ipc, { name: 'raw_tickets_0', create: true })
  out.csv_app_ms = ms(t0)
  out.tickets = await count(conn)
  await db.registerFileBuffer('bare.csv', new Uint8Array(await file.arrayBuffer()))
  t0 = performance.now()
  await conn.query(`CREATE TABLE bare AS SELECT * FROM read_csv('bare.csv', header = true)`)
  out.csv_duckdb_read_csv_ms = ms(t0)
  await conn.query('DROP TABLE bare')
  await db.terminate()

  // (b) Arrow IPC
  ;({ db, conn } = await start())
  out.ipc_mb = Math.round(keep.length / 1e5) / 10
  t0 = performance.now()
  await conn.insertArrowFromIPCStream(keep.slice(), { name: 'raw_tickets_0', create: true })
  out.ipc_load_ms = ms(t0)
  out.ipc_tickets = await count(conn)
  await db.terminate()

  // (a) DuckDB database file: written to OPFS by DuckDB-wasm, read back as a registered buffer ATTACHed READ_ONLY.
  try {
    const root = await navigator.storage.getDirectory()
    await root.removeEntry('reload.db').catch(() => undefined)
    ;({ db, conn } = await start({ path: 'opfs://reload.db', accessMode: duckdb.DuckDBAccessMode.READ_WRITE, query: { castBigIntToDouble: true } }))
    await conn.insertArrowFromIPCStream(keep.slice(), { name: 'raw_tickets_0', create: true })
    await conn.query('CHECKPOINT')
    await conn.close()
    await db.terminate()
    const bytes = new Uint8Array(await (await (await root.getFileHandle('reload.db')).getFile()).arrayBuffer())
    out.duckdb_file_mb = Math.round(bytes.length / 1e5) / 10
    ;({ db, conn } = await start())
    await db.registerFileBuffer('canon.db', bytes)
    t0 = performance.now()
    await conn.query(`ATTACH 'canon.db' AS r (READ_ONLY)`)
    await conn.query('CREATE TABLE raw_tickets_0 AS SELECT * FROM r.raw_tickets_0')
    await conn.query('DETACH r')
    out.duckdb_file_load_ms = ms(t0)
    out.duckdb_file_tickets = await count(conn)
    out.loaded_extensions = (await conn.query('SELECT extension_name AS e FROM duckdb_extensions() WHERE loaded')).toArray().map(r => String(r.e)).join(' ')
    await db.terminate()
  }
  catch (e) {
    out.duckdb_file_error = String(e).slice(0, 200)
  }

  // (c) Parquet through hyparquet
  const table = tableFromIPC(keep)
  const pq = new Uint8Array(parquetWriteBuffer({ columnData: table.schema.fields.map(f => ({ name: f.name, data: [...table.getChild(f.name)!], type: PQ[f.name] })) as never }))
  out.parquet_mb = Math.round(pq.length / 1e5) / 10
  ;({ db, conn } = await start())
  t0 = performance.now()
  const objs = await parquetReadObjects({ file: pq.buffer as ArrayBuffer }) as Record<string, unknown>[]
  const col = (k: string) => objs.map(o => o[k] ?? null)
  const batch = {
    row: col('row_no'), ticket_id: col('ticket_id'), vendor: col('vendor'), created_at: col('created_ms'), first_response_at: col('first_response_ms'),
    resolved_at: col('resolved_ms'), recovered_at: col('recovered_ms'), priority: col('priority'), channel: col('channel'), category: col('category'),
    is_fault: col('is_fault'), reopen_count: col('reopen_count'), satisfaction: col('satisfaction'), customer: col('customer'),
  } as unknown as CanonicalBatch
  await conn.insertArrowFromIPCStream(batchToArrowIPC(batch), { name: 'raw_tickets_0', create: true })
  out.parquet_hyparquet_load_ms = ms(t0)
  out.parquet_tickets = await count(conn)
  await db.terminate()
  return out
}

Object.assign(window, { probe: { candidates, bareDemo } })
if (location.search.includes('bare')) void bareDemo().then(r => (document.title = `bare:${r.ms}:${r.tickets}`), e => (document.title = `error:${String(e)}`))
else document.title = 'ready'
