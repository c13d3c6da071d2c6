import type { ColumnData, ParquetParsers, SchemaElement } from 'hyparquet'
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'
import type { ReadLimits, Sheet } from './types'
import { DEFAULT_READ_LIMITS, ImportError, tooManyCells, tooManyRows } from './types'

type CellText = (value: unknown) => string

/**
 * Reads a Parquet file into one sheet named 'Parquet': the column names as the
 * header (row 1), then every row as text (row 2 onwards). Timestamps and dates
 * are wall-clock text 'YYYY-MM-DD HH:MM:SS', read in UTC without any shift.
 */
export async function readParquet(bytes: Uint8Array, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<Sheet> {
  try {
    return await readColumns(toArrayBuffer(bytes), limits)
  } catch (error) {
    if (error instanceof ImportError) throw error
    const detail = error instanceof Error ? error.message : String(error)
    throw new ImportError(`不是有效的 Parquet 文件 / not a valid Parquet file: ${detail}`)
  }
}

async function readColumns(file: ArrayBuffer, limits: ReadLimits): Promise<Sheet> {
  const metadata = parquetMetadata(file)
  const fields = parquetSchema(metadata).children.map((child) => child.element)
  const names = fields.map((field) => field.name)
  const rowCount = Number(metadata.num_rows)
  // From the footer, before a single value is decoded (the header row counts, as in a CSV).
  if (rowCount + 1 > limits.maxRows) throw tooManyRows(limits.maxRows)
  if ((rowCount + 1) * names.length > limits.maxCells) throw tooManyCells(limits.maxCells)
  const columns = fields.map(() => new Array<string>(rowCount))
  const indexOf = new Map(names.map((name, i) => [name, i]))
  const textOf = fields.map(cellTextFor)

  const onChunk = ({ columnName, columnData, rowStart }: ColumnData): void => {
    const index = indexOf.get(columnName)
    if (index === undefined) return
    const column = columns[index] as string[]
    const toText = textOf[index] as CellText
    const end = Math.min(columnData.length, rowCount - rowStart)
    for (let i = 0; i < end; i++) column[rowStart + i] = toText(columnData[i])
  }
  await parquetRead({ file, metadata, compressors, parsers: TEXT_PARSERS, onChunk })
  return toSheet(names, columns, rowCount)
}

/** Transposes the text columns into rows, skipping rows with nothing but blanks. */
function toSheet(names: string[], columns: string[][], rowCount: number): Sheet {
  const sheet: Sheet = { name: 'Parquet', rows: [names], rowNumbers: [1], rejected: [] }
  for (let r = 0; r < rowCount; r++) {
    const row = columns.map((column) => column[r] ?? '')
    if (row.some((cell) => cell.trim() !== '')) {
      sheet.rows.push(row)
      sheet.rowNumbers.push(r + 2)
    }
  }
  return sheet
}

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer, byteOffset, byteLength } = bytes
  if (buffer instanceof ArrayBuffer && byteOffset === 0 && byteLength === buffer.byteLength) return buffer
  return bytes.slice().buffer
}

/** Timestamps and dates become text while decoding, so no Date object is made per cell. */
const TEXT_PARSERS: Partial<ParquetParsers> = {
  timestampFromMilliseconds: (millis: bigint) => timestampText(millis, 1n),
  timestampFromMicroseconds: (micros: bigint) => timestampText(micros, 1000n),
  timestampFromNanoseconds: (nanos: bigint) => timestampText(nanos, 1_000_000n),
  dateFromDays: (days: number) => (typeof days === 'number' ? wallClock(days * 86_400_000) ?? String(days) : undefined),
}

function timestampText(value: bigint | undefined, unitsPerMilli: bigint): string | undefined {
  if (typeof value !== 'bigint') return undefined
  // Floor, not truncate, so instants before 1970 keep the right second.
  const millis = value / unitsPerMilli - (value % unitsPerMilli < 0n ? 1n : 0n)
  return wallClock(Number(millis)) ?? String(value)
}

/** 'YYYY-MM-DD HH:MM:SS' from UTC milliseconds; null outside the years 0-9999. */
function wallClock(millis: number): string | null {
  const date = new Date(millis)
  const year = date.getUTCFullYear()
  if (!(year >= 0 && year <= 9999)) return null
  const p = (n: number): string => String(n).padStart(2, '0')
  return (
    `${String(year).padStart(4, '0')}-${p(date.getUTCMonth() + 1)}-${p(date.getUTCDate())} ` +
    `${p(date.getUTCHours())}:${p(date.getUTCMinutes())}:${p(date.getUTCSeconds())}`
  )
}

/** FLOAT columns print the shortest text that reads back as the same 32-bit value (0.1, not 0.10000000149011612). */
function cellTextFor(field: SchemaElement): CellText {
  if (field.type !== 'FLOAT' || field.converted_type !== undefined) return cellText
  return (value) => (typeof value === 'number' ? float32Text(value) : cellText(value))
}

function float32Text(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  for (let digits = 1; digits < 9; digits++) {
    const text = String(Number(value.toPrecision(digits)))
    if (Math.fround(Number(text)) === value) return text
  }
  return String(value)
}

function cellText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value
    case 'number':
    case 'bigint':
      return String(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'undefined':
      return ''
    default:
      if (value === null) return ''
      if (value instanceof Date) return wallClock(value.getTime()) ?? ''
      if (value instanceof Uint8Array) return Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('')
      return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? String(v) : v))
  }
}
