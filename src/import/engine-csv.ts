/**
 * The reading half of the engine import for CSV: the file's bytes as UTF-8 registered with
 * DuckDB, read_csv into a table of text cells, and what TypeScript needs to decide from:
 * the located header (from a parsed head of the file), the sample rows planColumns reads,
 * and per-column facts over every row. Null when read_csv cannot be trusted to read the file
 * record for record as csv.ts does (see csv-shape.ts): the caller then uses the JS import.
 */
import type { Engine } from '../core/engine'
import type { LocatedTable } from '../core/locate-table'
import type { Mapping } from '../core/schema'
import type { ReadLimits } from './types'
import { locateTable, HEADER_SCAN_ROWS } from '../core/locate-table'
import { SAMPLE_ROWS } from '../core/column-content'
import { blankRowSql, cellCol, readCsvSql, rowNumberSql } from '../core/sql/import-cells'
import { num } from '../core/sql/literal'
import { parseCsv, sniffDelimiter } from './csv'
import { scanCsvShape } from './csv-shape'
import { toUtf8 } from './text-bytes'
import { looksLikeMarkup } from './read-grid'
import { DEFAULT_READ_LIMITS } from './types'

const HEAD_BYTES = 1536 * 1024
/** More empty lines than this inside a file: our parser reads it (each one is a term of the row number). */
const MAX_EMPTY_LINES = 200
/** More records that may be blank than this: SQL checks every record for blanks (slower, same result). */
const MAX_BLANK_CANDIDATES = 5000
export interface EngineCsv {
  /** Prefix of the work tables; `${p}_raw` holds the cells, `${p}_rows` the data rows with row_no. */
  p: string
  file: string
  encoding: string
  located: LocatedTable
  width: number
  /** Data rows below the header (blank rows not counted). */
  rows: number
  /** DuckDB read the source file itself (Engine.registerBlob): the caller's bytes are no longer needed for it. */
  fromFile: boolean
}

let serial = 0
/** Names this module's work tables apart from those of an import worker before it (one that died may have left some). */
export const RUN = Math.random().toString(36).slice(2, 8)

/**
 * `source`: the file the bytes were read from. Where they are its UTF-8 as they stand (after a
 * byte order mark), DuckDB reads the file itself (Engine.registerBlob) and `bytes` stay the caller's.
 */
export async function readCsvInEngine(engine: Engine, bytes: Uint8Array, mapping: Mapping | undefined, limits: ReadLimits = DEFAULT_READ_LIMITS, source?: Blob): Promise<EngineCsv | null> {
  if (!engine.registerFile) return null
  const { encoding, bytes: utf8 } = toUtf8(bytes)
  const asFile = source && engine.registerBlob && source.size === bytes.length ? sameBytes(source, encoding) : null
  // Bytes handed over are in DuckDB's heap with the cells read from them (ReadLimits.maxEngineBytes).
  if (!asFile && utf8.length > limits.maxEngineBytes) return null
  const delimiter = sniffDelimiter(new TextDecoder().decode(utf8.subarray(0, Math.min(utf8.length, HEAD_BYTES))))
  const shape = scanCsvShape(utf8, delimiter.charCodeAt(0), HEAD_BYTES)
  if (shape === null || shape.records > limits.maxRows || shape.cells > limits.maxCells || shape.emptyLines.length > MAX_EMPTY_LINES) return null
  const headEnd = shape.headEnd
  if (headEnd === 0) return null
  const head = new TextDecoder().decode(utf8.subarray(0, headEnd))
  if (looksLikeMarkup(head)) return null
  const headGrid = parseCsv(head, delimiter)
  const sheet = headGrid.rows
  if (headEnd < utf8.length && sheet.length <= HEADER_SCAN_ROWS) return null
  const located = locateTable({ format: 'csv', encoding, sheets: [headGrid] }, mapping)
  if (located.kind !== 'tickets' || located.headerIndex < 0) return null

  const p = `sw_imp_${RUN}_${serial++}`
  const file = `${p}.csv`
  if (asFile) await engine.registerBlob!(file, asFile)
  else await engine.registerFile(file, utf8)
  const width = Math.max(1, shape.maxFields)
  await engine.exec(readCsvSql({ file, table: `${p}_raw`, delimiter, width }))
  const [read] = await engine.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${p}_raw`)
  if (read?.n !== shape.records - shape.emptyLines.length) {
    await dropCsvInEngine(engine, p)
    return null
  }
  // The cells are in their table: the file's bytes go now, not after the staging table (one copy fewer at the peak).
  await engine.dropFile?.(file)
  const rowNumber = rowNumberSql(shape.emptyLines.map((line, j) => line - 1 - j))
  const cells = Array.from({ length: width }, (_, i) => cellCol(i)).join(', ')
  const maybeBlank = shape.maybeBlank.length > MAX_BLANK_CANDIDATES ? null : shape.maybeBlank
  await engine.exec(`CREATE TEMP VIEW ${p}_rows AS SELECT * FROM (SELECT ${rowNumber} AS row_no, ${cells} FROM ${p}_raw) `
    + `WHERE row_no > ${num(located.headerRow)} AND NOT ${blankRowSql(width, maybeBlank, 'row_no')}`)
  const [count] = await engine.query<{ n: number }>(`SELECT count(*)::DOUBLE AS n FROM ${p}_rows`)
  const rows = count?.n ?? 0
  located.rows = await sampleRows(engine, p, width, rows)
  located.rowNumbers = located.rows.map(() => 0)
  return { p, file, encoding, located, width, rows, fromFile: asFile !== null }
}

/** The part of `source` that is the UTF-8 read_csv reads, or null when the text was transcoded. */
function sameBytes(source: Blob, encoding: string): Blob | null {
  if (encoding === 'utf-8') return source
  return encoding === 'utf-8-bom' ? source.slice(3) : null
}

/**
 * The rows sampleRows (column-content.ts) would take from all the rows: the first, middle and last
 * third of SAMPLE_ROWS. LIMIT/OFFSET in the record order the scan keeps (no window over every row).
 */
async function sampleRows(engine: Engine, p: string, width: number, n: number): Promise<string[][]> {
  const third = Math.floor(SAMPLE_ROWS / 3)
  const last = SAMPLE_ROWS - 2 * third
  const parts = n <= SAMPLE_ROWS ? [[n, 0]] : [[third, 0], [third, Math.floor(n / 2 - third / 2)], [last, n - last]]
  const sql = parts.map(([limit, offset]) => `SELECT * FROM (SELECT * FROM ${p}_rows LIMIT ${num(limit!)} OFFSET ${num(offset!)})`).join(' UNION ALL ')
  const rows = await engine.query<Record<string, string | null>>(`${sql} ORDER BY row_no`)
  return rows.map(r => Array.from({ length: width }, (_, i) => r[cellCol(i)] ?? ''))
}

/** Drops every work table of an import (`${p}_…`) and its registered file. */
export async function dropCsvInEngine(engine: Engine, p: string): Promise<void> {
  await dropPrefixed(engine, `${p}_`)
  await engine.dropFile?.(`${p}.csv`).catch(() => undefined)
}

/**
 * Drops the work tables of engine imports that did not finish (their worker died): every
 * `sw_imp…` view and table. Only while no import runs; a file they registered stays until the page closes.
 */
export function dropImportLeftovers(engine: Engine): Promise<void> {
  return dropPrefixed(engine, 'sw_imp')
}

async function dropPrefixed(engine: Engine, prefix: string): Promise<void> {
  const views = await engine.query<{ t: string }>(`SELECT view_name AS t FROM duckdb_views() WHERE starts_with(view_name, '${prefix}')`).catch(() => [])
  for (const { t } of views) await engine.exec(`DROP VIEW IF EXISTS "${t}"`).catch(() => undefined)
  const tables = await engine.query<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() WHERE starts_with(table_name, '${prefix}')`).catch(() => [])
  for (const { t } of tables) await engine.exec(`DROP TABLE IF EXISTS "${t}"`).catch(() => undefined)
}
