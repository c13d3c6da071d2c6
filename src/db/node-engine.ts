import type { Engine, SqlParam } from '../core/engine'
import { isUtf8 } from 'node:buffer'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { DuckDBBindings, DuckDBConnection } from '@duckdb/duckdb-wasm/blocking'
import { createDuckDB, NODE_RUNTIME, VoidLogger } from '@duckdb/duckdb-wasm/blocking'
import { ENGINE_SETUP_SQL } from '../core/engine'
import { useUtf8Validator } from '../import/text-bytes'
import { tableToRows } from './arrow-rows'

// The engine import's UTF-8 check (text-bytes.ts) by node:buffer's validator where Node runs it.
useUtf8Validator(isUtf8)

const require = createRequire(import.meta.url)

/** The bundled blocking DuckDB-wasm, opened and connected with the session settings (also the benchmark's bare engine). */
export async function openNodeDuckDB(): Promise<{ db: DuckDBBindings, conn: DuckDBConnection }> {
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'))
  const db = await createDuckDB({
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: '' },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: '' },
  }, new VoidLogger(), NODE_RUNTIME)
  await db.instantiate()
  db.open({ query: { castBigIntToDouble: true } })
  const conn = db.connect()
  for (const sql of ENGINE_SETUP_SQL) conn.query(sql)
  return { db, conn }
}

/** DuckDB-wasm's blocking Node build: the CLI and the unit tests run the wall's SQL on it. */
export async function createNodeEngine(): Promise<Engine> {
  const { db, conn } = await openNodeDuckDB()

  return {
    async exec(sql) {
      conn.query(sql)
    },
    async query(sql, params?: readonly SqlParam[]) {
      if (!params || params.length === 0) return tableToRows(conn.query(sql))
      const stmt = conn.prepare(sql)
      try {
        return tableToRows(stmt.query(...params))
      }
      finally {
        stmt.close()
      }
    },
    async exportIPC(sql) {
      return conn.useUnsafe((bindings, id) => bindings.runQuery(id, sql))
    },
    async insertArrowIPC(table, ipc, create) {
      // insertArrowTable does not survive two apache-arrow module instances (ESM app, CJS duckdb); IPC bytes do.
      conn.insertArrowFromIPCStream(ipc, { name: table, create })
    },
    async registerFile(name, bytes) {
      db.registerFileBuffer(name, bytes)
    },
    async dropFile(name) {
      db.dropFile(name)
    },
    async close() {
      conn.close()
      await db.reset()
    },
  }
}
