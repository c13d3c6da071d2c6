import type { Engine, SqlParam } from '../core/engine'
import * as duckdb from '@duckdb/duckdb-wasm'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'
import { ENGINE_SETUP_SQL } from '../core/engine'
import { tableToRows } from './arrow-rows'
import { WorkerGuard } from './worker-guard'

interface Instance {
  db: duckdb.AsyncDuckDB
  conn: duckdb.AsyncDuckDBConnection
  guard: WorkerGuard
}

async function startInstance(bundle: duckdb.DuckDBBundle): Promise<Instance> {
  const worker = new Worker(bundle.mainWorker!)
  const guard = new WorkerGuard(worker, 'DuckDB worker')
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker)
  const conn = await guard.guard((async () => {
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker)
    await db.open({ query: { castBigIntToDouble: true } })
    const c = await db.connect()
    for (const sql of ENGINE_SETUP_SQL) await c.query(sql)
    return c
  })())
  return { db, conn, guard }
}

/**
 * DuckDB-wasm in its own Web Worker. The wasm files and the worker script are
 * bundled by Vite (?url), so the wall never fetches from another origin.
 * When the worker dies, every waiting call rejects and the next call starts a fresh,
 * empty database; `instance()` tells the Dataset so (it starts over, src/core/dataset.ts).
 */
export async function createBrowserEngine(): Promise<Engine> {
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  })
  let current = await startInstance(bundle)
  let instance = 1
  const live = async (): Promise<Instance> => {
    if (current.guard.dead) {
      current = await startInstance(bundle)
      instance++
    }
    return current
  }
  // One statement at a time on the connection (whole operations are ordered by the Dataset).
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(job: (i: Instance) => Promise<T>): Promise<T> => {
    const run = async () => {
      const i = await live()
      return i.guard.guard(job(i))
    }
    const next = queue.then(run, run)
    queue = next.catch(() => undefined)
    return next
  }

  return {
    exec: sql => serial(async ({ conn }) => {
      await conn.query(sql)
    }),
    query: (sql, params?: readonly SqlParam[]) => serial(async ({ conn }) => {
      if (!params || params.length === 0) return tableToRows(await conn.query(sql))
      const stmt = await conn.prepare(sql)
      try {
        return tableToRows(await stmt.query(...params))
      }
      finally {
        await stmt.close()
      }
    }),
    // One buffer of the whole result; a large table is asked for in parts, a query each (src/core/ipc-parts.ts).
    // A streamed result (startPendingQuery) was tried instead, and grew DuckDB's heap as much at
    // 1 M tickets (DuckDB-wasm 1.32), was slower, and has no dictionaries for ENUMs.
    exportIPC: sql => serial(async ({ conn }) => conn.useUnsafe((db, id) => db.runQuery(id, sql))),
    insertArrowIPC: (table, ipc, create) => serial(async ({ conn }) => {
      await conn.insertArrowFromIPCStream(ipc, { name: table, create })
    }),
    // registerFileBuffer posts the buffer to the worker as a transfer: no copy stays on this side.
    registerFile: (name, bytes) => serial(async ({ db }) => db.registerFileBuffer(name, bytes)),
    // DuckDB reads the file in slices (FileReaderSync in its worker) as read_csv asks for them.
    registerBlob: (name, blob) => serial(async ({ db }) => db.registerFileHandle(name, blob, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true)),
    dropFile: name => serial(async ({ db }) => {
      await db.dropFile(name)
    }),
    instance: () => serial(async () => instance),
    close: async () => {
      const { conn, db, guard } = current
      if (guard.dead) return
      await conn.close()
      await db.terminate()
      guard.kill()
    },
  }
}
