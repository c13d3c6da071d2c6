/**
 * The file of a snapshot of the built tables (src/core/snapshot.ts): a 16-byte prefix (the
 * magic `SWSNAP\0\0`, the version and the header's byte length, little-endian 32-bit), the
 * header as UTF-8 JSON, then each table's Arrow IPC stream in the header's order.
 */
import type { ImportedFile } from './dataset'
import type { KpiConfig } from './config'
import { calendarPlan, calendarTableStatements } from './sql/calendar-sql'
import { buildTicketsSteps, swapSql } from './sql/tickets-table'

const MAGIC = 'SWSNAP\0\0'
const VERSION = 1
const PREFIX = 16

export interface SnapshotTable {
  name: string
  /** Each column's SQL type; an ENUM column names its type (sw_vendor …). */
  columns: { name: string, type: string }[]
  rows: number
  bytes: number
}

export interface SnapshotHeader {
  version: number
  /** The build it holds (snapshotSignature). */
  signature: string
  /** Each file of the data set, in load order: its staging number and what tells it from another file (fileMark). */
  fileIdx: number[]
  files: string[]
  /** Per staging number, the rows that were an earlier state of a ticket (update-rows.ts): a scan of every staged row, kept too. */
  updates: [number, number][]
  /** Each ENUM type's entries in order (sw_vendor …): the tables' codes index them. */
  types: Record<string, string[]>
  tables: SnapshotTable[]
}

/** FNV-1a twice (two 32-bit halves): a name for a text, not a secret. */
function hash(text: string): string {
  let h1 = 0x811C9DC5
  let h2 = 0x01000193
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0
    h2 = Math.imul(h2 ^ c, 0x811C9DC5) >>> 0
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')
}

/** Which build a snapshot holds: every statement of the build under `cfg`, and the snapshot's own version. */
export function snapshotSignature(cfg: KpiConfig): string {
  const steps = buildTicketsSteps(cfg)
  return hash(JSON.stringify([VERSION, steps.prepare, steps.build(true), steps.build(false), calendarTableStatements(calendarPlan(cfg)), swapSql()]))
}

/** A file as its import report tells it: name, kind, rows and rejected rows (the storage also checks its own ids). */
export const fileMark = (f: ImportedFile): string => JSON.stringify([f.report.file, f.kind, f.report.rows, f.report.rejected, f.report.error])

/**
 * The IPC stream inside an Arrow IPC *file* (what DuckDB-wasm's runQuery writes): the file is
 * "ARROW1", padding to 8 bytes, the stream (with its end marker), the footer, the footer's
 * length (int32) and "ARROW1" again. A view, no copy.
 */
export function streamOfArrowFile(file: Uint8Array): Uint8Array {
  if (new TextDecoder().decode(file.subarray(0, 6)) !== 'ARROW1') return file
  const footer = new DataView(file.buffer, file.byteOffset + file.byteLength - 10, 4).getInt32(0, true)
  return file.subarray(8, file.byteLength - 10 - footer)
}

/** The snapshot file as chunks: prefix, header, then the tables' streams. */
export function writeSnapshot(header: Omit<SnapshotHeader, 'version'>, blobs: Uint8Array[]): Uint8Array[] {
  const json = new TextEncoder().encode(JSON.stringify({ version: VERSION, ...header }))
  const prefix = new Uint8Array(PREFIX)
  prefix.set(new TextEncoder().encode(MAGIC))
  const view = new DataView(prefix.buffer)
  view.setUint32(8, VERSION, true)
  view.setUint32(12, json.byteLength, true)
  return [prefix, json, ...blobs]
}

/** The header of a snapshot this build can read and where its tables start; null for anything else (another format or version, cut off). */
export function readSnapshotHeader(bytes: Uint8Array): { header: SnapshotHeader, body: number } | null {
  if (bytes.byteLength < PREFIX || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, PREFIX)
  if (view.getUint32(8, true) !== VERSION) return null
  const length = view.getUint32(12, true)
  try {
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREFIX, PREFIX + length))) as SnapshotHeader
    const body = PREFIX + length
    return body + header.tables.reduce((n, t) => n + t.bytes, 0) === bytes.byteLength ? { header, body } : null
  }
  catch {
    return null
  }
}
