import type { Engine } from '../../../src/core/engine'
import { describe, expect, it } from 'vitest'
import { exportTableIpc, ipcMessages, MESSAGE, tableIpcChunks } from '../../../src/core/ipc-parts'
import { createNodeEngine } from '../../../src/db/node-engine'

/**
 * A table written out of DuckDB in parts by rowid (src/core/ipc-parts.ts) must read back as the
 * same table, row for row and in its order, as the one stream the storage and the snapshot keep.
 */
const concat = (chunks: Uint8Array[]) => {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0))
  chunks.reduce((at, c) => (out.set(c, at), at + c.byteLength), 0)
  return out
}

async function table(engine: Engine, name: string): Promise<unknown[]> {
  return engine.query(`SELECT * EXCLUDE (kind), kind::VARCHAR AS kind FROM ${name} ORDER BY rowid`)
}

async function withTable(): Promise<Engine> {
  const engine = await createNodeEngine()
  await engine.exec(`CREATE TYPE kind AS ENUM ('fault', 'question', 'request')`)
  // Out of key order, NULLs in every column, an ENUM (an Arrow dictionary), texts long and short.
  await engine.exec(`CREATE TABLE t AS SELECT (i * 7919) % 1000 AS k, CASE WHEN i % 13 = 0 THEN NULL ELSE 'customer ' || repeat('x', i % 40) || i END AS s,
    CASE WHEN i % 17 = 0 THEN NULL ELSE i / 3.0 END AS d, (CASE i % 4 WHEN 0 THEN 'fault' WHEN 1 THEN 'question' WHEN 2 THEN 'request' END)::kind AS kind
    FROM range(1000) r(i)`)
  return engine
}

describe('a table written out in parts (ipc-parts.ts)', () => {
  it('reads back as the same table in the same order, from parts of any size, with gaps of deleted rows', async () => {
    const engine = await withTable()
    await engine.exec('DELETE FROM t WHERE k BETWEEN 200 AND 460')
    const want = await table(engine, 't')
    for (const rows of [1, 100, 128, 999, 1000, 131_072]) {
      const chunks = await exportTableIpc(engine, 't', rows)
      const parts = Math.ceil(1000 / rows)
      // The head, a chunk of batches per part that kept rows, the end marker.
      expect(chunks.length).toBeLessThanOrEqual(parts + 2)
      expect(ipcMessages(concat(chunks)).filter(m => m.type === MESSAGE.schema)).toHaveLength(1)
      await engine.insertArrowIPC('back', concat(chunks), true)
      expect(await table(engine, 'back'), `parts of ${rows} rows`).toEqual(want)
      await engine.exec('DROP TABLE back')
    }
    await engine.close()
  })

  it('refuses parts whose schema differs rather than join them', async () => {
    const engine = await withTable()
    await engine.exec('CREATE TABLE other AS SELECT k, s FROM t')
    let calls = 0
    // The second part comes from another table, as if the table had changed between two parts.
    const changing: Engine = { ...engine, exportIPC: sql => engine.exportIPC!(calls++ === 0 ? sql : sql.replace('FROM t', 'FROM other')) }
    const read = async () => {
      for await (const _ of tableIpcChunks(changing, 't', 500)) { /* written as they come */ }
    }
    await expect(read()).rejects.toThrow(/differ in schema or dictionaries/)
    await engine.close()
  })
})
