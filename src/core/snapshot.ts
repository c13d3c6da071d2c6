/**
 * A snapshot of the built tables: everything a build derives from the staged files (`tickets`,
 * the cubes, the quantile caches made so far …), as the Arrow IPC DuckDB writes, with each
 * column's type. The wall keeps it beside the stored files, so a reload puts the tables back
 * instead of building them again (at 1 M tickets the build is most of a reload).
 *
 * It is only ever a shortcut to the same tables: it names the build it came from (the
 * signature: this version of the build SQL under this config) and the staging numbers of its
 * files. Anything else — another config, another build, other files — and the data set builds
 * as always. Column types come from DuckDB's catalog; an ENUM column is cast back to the named
 * type whose entries it has, made again from the entries kept in the snapshot (same codes). The
 * staged files are not needed for it: the data set stages them when it next builds.
 */
import type { KpiConfig } from './config'
import type { ImportedFile } from './dataset'
import type { Engine } from './engine'
import type { SnapshotHeader, SnapshotTable } from './snapshot-format'
import { fileMark, readSnapshotHeader, snapshotSignature, writeSnapshot } from './snapshot-format'
import { exportTableIpc } from './ipc-parts'
import { BUILT_TABLES, buildLeftoversSql, DERIVED_TABLES, DIMENSION_TYPES, NEW_BUILD_ID_SQL, NEXT, QUANTILE_BUCKET_TABLES, RESET_LAZY_SQL } from './sql/tickets-table'

export { snapshotSignature }

const ENUMS = [...Object.values(DIMENSION_TYPES), 'sw_customer']

/**
 * Above this many tickets no snapshot is taken: DuckDB-wasm writes each table's whole result
 * into its heap and hands it over in one piece, so at 5 M tickets the export alone would need
 * about 1 GB more in the tab. Such a data set builds on every reload, as before.
 */
export const SNAPSHOT_MAX_TICKETS = 2_000_000
/** Nor above this many entries in one ENUM type (a distinct customer on every ticket): the types travel as SQL text. */
const SNAPSHOT_MAX_ENTRIES = 100_000

const sqlText = (v: string) => `'${v.replace(/'/g, '\'\'')}'`

/** One of our own table names as a SQL string. */
function tableName(t: string): string {
  if (!/^\w+$/.test(t)) throw new Error(`not a table of the build: ${t}`)
  return `'${t}'`
}

/** Each derived table's columns; an ENUM column is named by the type it has (sw_vendor …), any other by its SQL type. */
async function columnsOf(engine: Engine, tables: string[]): Promise<Map<string, SnapshotTable['columns']>> {
  await engine.exec(`CREATE OR REPLACE TEMP TABLE _snap_types AS SELECT ${ENUMS.map(t => `NULL::${t} AS ${t}`).join(', ')}`)
  const rows = await engine.query<{ t: string, c: string, ty: string }>(`SELECT c.table_name AS t, c.column_name AS c, coalesce(e.column_name, c.data_type) AS ty
FROM duckdb_columns() c LEFT JOIN (SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = '_snap_types') e ON e.data_type = c.data_type
WHERE c.schema_name = 'main' AND c.table_name IN (${tables.map(tableName).join(', ')}) ORDER BY c.table_name, c.column_index`)
  await engine.exec('DROP TABLE _snap_types')
  const out = new Map<string, SnapshotTable['columns']>()
  for (const r of rows) out.set(r.t, [...(out.get(r.t) ?? []), { name: r.c, type: r.ty }])
  return out
}

/**
 * The quantile bucket tables are not kept, and their bounds are kept empty (not made): at 1 M they
 * were a third of the snapshot (39 MB) and 0.6 s of putting it back, on every reload. The store
 * makes them again while the wall is idle after a reload (src/stores/dataset.ts, keepSnapshot).
 */
const NOT_KEPT = new Set<string>([QUANTILE_BUCKET_TABLES.values, QUANTILE_BUCKET_TABLES.cube])

/** The snapshot of what is built now, as chunks of one file; null when the engine cannot write Arrow or the data set is too large for it. */
export async function takeSnapshot(engine: Engine, signature: string, files: { idx: number, file: ImportedFile }[], updates: [number, number][]): Promise<Uint8Array[] | null> {
  if (!engine.exportIPC) return null
  const [tickets] = await engine.query<{ n: number }>('SELECT count(*)::DOUBLE AS n FROM tickets')
  if ((tickets?.n ?? 0) > SNAPSHOT_MAX_TICKETS) return null
  const types: Record<string, string[]> = {}
  for (const t of ENUMS) {
    types[t] = (await engine.query<{ v: string }>(`SELECT unnest(enum_range(NULL::${t}))::VARCHAR AS v`)).map(r => r.v)
    if (types[t]!.length > SNAPSHOT_MAX_ENTRIES) return null
  }
  const present = new Set((await engine.query<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() WHERE schema_name = 'main'`)).map(r => r.t))
  const names = DERIVED_TABLES.filter(t => present.has(t) && !NOT_KEPT.has(t))
  const columns = await columnsOf(engine, names)
  const tables: SnapshotTable[] = []
  const blobs: Uint8Array[] = []
  for (const name of names) {
    const [count] = name === QUANTILE_BUCKET_TABLES.bounds ? [{ n: 0 }] : await engine.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${name}`)
    const rows = count?.n ?? 0
    // DuckDB cannot make a table from a stream without batches: an empty table is declared instead.
    const chunks = rows ? await exportTableIpc(engine, name) : []
    tables.push({ name, columns: columns.get(name) ?? [], rows, bytes: chunks.reduce((n, c) => n + c.byteLength, 0) })
    blobs.push(...chunks)
  }
  return writeSnapshot({ signature, fileIdx: files.map(f => f.idx), files: files.map(f => fileMark(f.file)), updates, types, tables }, blobs)
}

/**
 * Puts the snapshot's tables back, as the build would have left them (the calendar tables in
 * place, the ENUM types made from the snapshot's entries); the caller runs `swap` (swapSql in
 * one transaction) between the built tables and the caches.
 */
async function restoreSnapshot(engine: Engine, bytes: Uint8Array, header: SnapshotHeader, body: number, swap: () => Promise<void>): Promise<void> {
  const built = new Set(BUILT_TABLES)
  let at = body
  const parts = header.tables.map((t) => {
    const part = { t, from: at }
    at += t.bytes
    return part
  })
  const load = async ({ t, from }: typeof parts[number], next: string) => {
    const type = (c: SnapshotTable['columns'][number]) => (ENUMS.includes(c.type) ? c.type + next : c.type)
    // The table empty, with its types. AS SELECT, not a column list: a declared column would depend on the named type, which the swap drops.
    await engine.exec(`CREATE TABLE ${t.name}${next} AS SELECT ${t.columns.map(c => `NULL::${type(c)} AS "${c.name}"`).join(', ')} WHERE false`)
    if (!t.rows) return
    // Its rows straight into it, cast as DuckDB reads the stream (an ENUM column comes as a dictionary
    // of its texts). A table of the texts first, cast after, took 2.5–3.2 s at 1 M tickets in Node, this 0.9–1.6 s (three runs).
    // A copy of its bytes: the engine may take the buffer it is given (a transfer to its worker).
    await engine.insertArrowIPC(`${t.name}${next}`, bytes.slice(from, from + t.bytes), false)
  }
  if (parts.filter(p => built.has(p.t.name)).length !== BUILT_TABLES.length) throw new Error('the snapshot lacks a built table')
  for (const p of parts) if (built.has(p.t.name)) await load(p, NEXT)
  await swap()
  for (const p of parts) if (!built.has(p.t.name)) await load(p, '')
}

/** A snapshot read and found to be of this build. */
export interface UsableSnapshot {
  bytes: Uint8Array
  header: SnapshotHeader
  body: number
}

/**
 * The snapshot, when it is of this build under `config` and of these files; its files take
 * their old staging numbers again, so none of them may be in use (`inUse`).
 */
export function usableSnapshot(bytes: Uint8Array, files: readonly ImportedFile[], config: KpiConfig, inUse: readonly number[]): UsableSnapshot | null {
  const read = readSnapshotHeader(bytes)
  if (!read || read.header.signature !== snapshotSignature(config)) return null
  if (read.header.files.length !== files.length || files.some((f, i) => fileMark(f) !== read.header.files[i])) return null
  if (read.header.fileIdx.some(i => inUse.includes(i))) return null
  return { bytes, ...read }
}

/**
 * The snapshot's tables in place of a build (the calendar tables in place; the staged files are not needed).
 * False, with nothing of it left, when it could not be put back before the swap: then build.
 */
export async function putBack(engine: Engine, snap: UsableSnapshot, run: (sql: string) => Promise<void>, swap: () => Promise<void>): Promise<boolean> {
  let swapped = false
  try {
    const types = ENUMS.map(t => `CREATE TYPE ${t}${NEXT} AS ENUM (${(snap.header.types[t] ?? []).map(sqlText).join(', ')})`)
    for (const sql of [...buildLeftoversSql(), ...types]) await run(sql)
    await restoreSnapshot(engine, snap.bytes, snap.header, snap.body, async () => {
      await swap()
      swapped = true
    })
  }
  catch {
    if (!swapped) {
      for (const sql of buildLeftoversSql()) await engine.exec(sql).catch(() => undefined)
      return false
    }
    // The built tables are in; what reports add to them and did not come back is made again when needed.
    for (const sql of RESET_LAZY_SQL) await engine.exec(sql)
  }
  // Tables put back are a build of their own for the wall's memory of what it made and answered.
  await engine.exec(NEW_BUILD_ID_SQL)
  return true
}
