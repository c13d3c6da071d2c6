// The page of `npm run bench:persistence`: each candidate way of keeping the data set, timed in Chromium.
import type { ImportedFile } from '../../src/core/dataset'
import * as duckdb from '@duckdb/duckdb-wasm'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import { mergeConfig } from '../../src/core/config-merge'
import { Dataset } from '../../src/core/dataset'
import { createBrowserEngine } from '../../src/db/browser-engine'
import { ImportClient } from '../../src/db/import-client'
import { OpfsStore } from '../../src/db/storage/opfs-store'

const ms = (t0: number) => Math.round(performance.now() - t0)

async function sources(urls: string[]): Promise<File[]> {
  return Promise.all(urls.map(async u => new File([await (await fetch(u)).blob()], decodeURIComponent(u.split('/').pop()!))))
}

async function parseAll(files: File[]): Promise<ImportedFile[]> {
  const importer = new ImportClient()
  const out: ImportedFile[] = []
  for (const f of files) out.push(await importer.import(f, {}, () => {}))
  return out
}

async function rows(files: ImportedFile[]): Promise<{ tickets: number, ms: number }> {
  const engine = await createBrowserEngine()
  const t0 = performance.now()
  const ds = await Dataset.open(engine, mergeConfig({}))
  await ds.add(files)
  const [r] = await engine.query<{ n: number }>('SELECT count(*)::INTEGER AS n FROM tickets')
  const took = ms(t0)
  await engine.close()
  return { tickets: r!.n, ms: took }
}

async function opfsDir(): Promise<FileSystemDirectoryHandle> {
  return navigator.storage.getDirectory()
}

/** (c) source files in OPFS: write the bytes, read them back, parse and load them all again. */
async function sourceFiles(urls: string[]) {
  const files = await sources(urls)
  const dir = await (await opfsDir()).getDirectoryHandle('probe-src', { create: true })
  let t0 = performance.now()
  for (const f of files) {
    const w = await (await dir.getFileHandle(f.name, { create: true })).createWritable()
    await w.write(f)
    await w.close()
  }
  const writeMs = ms(t0)
  t0 = performance.now()
  const back: File[] = []
  for (const f of files) back.push(await (await dir.getFileHandle(f.name)).getFile())
  const parsed = await parseAll(back)
  const parseMs = ms(t0)
  const load = await rows(parsed)
  return { bytes: files.reduce((s, f) => s + f.size, 0), writeMs, restoreMs: parseMs + load.ms, parseMs, loadMs: load.ms, tickets: load.tickets }
}

/** (b) canonical tickets as Arrow IPC per file, through the wall's own OpfsStore. */
async function arrowIpc(urls: string[]) {
  const parsed = await parseAll(await sources(urls))
  const store = await OpfsStore.open(await (await opfsDir()).getDirectoryHandle('probe-ipc', { create: true }))
  let t0 = performance.now()
  const ids: string[] = []
  let bytes = 0
  for (const f of parsed) {
    if (!f.ipc) continue
    const id = crypto.randomUUID()
    await store.putIpc(id, f.ipc)
    bytes += f.ipc.byteLength
    ids.push(id)
  }
  const writeMs = ms(t0)
  t0 = performance.now()
  const back = await Promise.all(parsed.filter(f => f.ipc).map(async (f, i) => ({ ...f, ipc: await store.getIpc(ids[i]!) })))
  const readMs = ms(t0)
  const load = await rows(back)
  return { bytes, writeMs, restoreMs: readMs + load.ms, readMs, loadMs: load.ms, tickets: load.tickets }
}

async function openDb(path: string) {
  const worker = new Worker(ehWorker)
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker)
  await db.instantiate(ehWasm)
  await db.open({ path, accessMode: duckdb.DuckDBAccessMode.READ_WRITE, query: { castBigIntToDouble: true } })
  return db
}

/** (a) DuckDB's own database file in OPFS: write, CHECKPOINT, terminate, reopen. */
async function opfsDatabase(urls: string[], step: 'write' | 'reopen' | 'hold') {
  const path = 'opfs://probe.db'
  const t0 = performance.now()
  try {
    const db = await openDb(path)
    const conn = await db.connect()
    if (step === 'write') {
      const parsed = (await parseAll(await sources(urls))).filter(f => f.kind === 'tickets' && f.ipc)
      await conn.query('DROP TABLE IF EXISTS t')
      for (const [i, f] of parsed.entries()) await conn.insertArrowFromIPCStream(f.ipc!, { name: 't', create: i === 0 })
      await conn.query('CHECKPOINT')
    }
    const [r] = (await conn.query('SELECT count(*)::INTEGER AS n FROM t')).toArray()
    const n = Number(r?.n)
    if (step === 'hold') return { ok: true, tickets: n, ms: ms(t0) }
    await conn.close()
    await db.terminate()
    return { ok: true, tickets: n, ms: ms(t0) }
  }
  catch (e) {
    return { ok: false, error: String(e), ms: ms(t0) }
  }
}

async function opfsFileSize(name: string): Promise<number> {
  try {
    return (await (await (await opfsDir()).getFileHandle(name)).getFile()).size
  }
  catch {
    return -1
  }
}

Object.assign(window, { probe: { sourceFiles, arrowIpc, opfsDatabase, opfsFileSize } })
document.title = 'ready'
