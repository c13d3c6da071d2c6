import type { Engine, SqlParam } from '../core/engine'
import * as duckdb from '@duckdb/duckdb-wasm'
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url'
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url'
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url'
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url'
import { ENGINE_SETUP_SQL } from '../core/engine'
import { tableToRows } from './arrow-rows'

/**
 * DuckDB-wasm in its own Web Worker. The wasm files and the worker script are
 * bundled by Vite (?url), so the wall never fetches from another origin.
 */
export async function createBrowserEngine(): Promise<Engine> {
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  })
  const worker = new Worker(bundle.mainWorker!)
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker)
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker)
  await db.open({ query: { castBigIntToDouble: true } })
  const conn = await db.connect()
  for (const sql of ENGINE_SETUP_SQL) await conn.query(sql)
  // One query at a time on the connection: a filter change never interleaves with a load.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job)
    queue = next.catch(() => undefined)
    return next
  }

  return {
    exec: sql => serial(async () => {
      await conn.query(sql)
    }),
    query: (sql, params?: readonly SqlParam[]) => serial(async () => {
      if (!params || params.length === 0) return tableToRows(await conn.query(sql))
      const stmt = await conn.prepare(sql)
      try {
        return tableToRows(await stmt.query(...params))
      }
      finally {
        await stmt.close()
      }
    }),
    insertArrowIPC: (table, ipc, create) => serial(async () => {
      await conn.insertArrowFromIPCStream(ipc, { name: table, create })
    }),
    close: async () => {
      await conn.close()
      await db.terminate()
    },
  }
}
