import type { FileMetaData } from 'hyparquet'
import type { FileReport } from '../core/report-types'
import type { KnownFlag, RejectedRow } from '../core/schema'
import { STAGED_COLUMNS } from '../core/sql/tickets-table'

/**
 * The "canonical tickets" Parquet file: the tickets of a data set after import and
 * de-duplication, ready to be staged again without parsing anything.
 *
 * - Columns: exactly the staged columns (STAGED_COLUMNS, same names and types; times are
 *   wall-clock ms as DOUBLE), so a row group becomes a staging table as it is.
 * - Rows: the surviving ticket of each (vendor, ticket_id), grouped by source file (its
 *   "known" flags differ), then sorted by vendor, then created time.
 * - Row groups: never span two source files or two vendors, at most ROW_GROUP_ROWS rows;
 *   min/max statistics on every column, so a month range (created_ms) and a vendor
 *   (min = max) pick row groups from the footer alone.
 * - Key-value metadata CANONICAL_KEY: the import report as JSON (CanonicalMeta).
 */
export const CANONICAL_KEY = 'servicewall.canonical'
export const CANONICAL_VERSION = 1
/** Half a month of one of five vendors at a million tickets a year; about 200 KB of column chunks in the tests' files. */
export const ROW_GROUP_ROWS = 8192
export const CANONICAL_COLUMNS = STAGED_COLUMNS.map(([name]) => name)

export interface CanonicalFile {
  report: FileReport
  rejected: RejectedRow[]
  known: Record<KnownFlag, boolean> | null
  /** The file's row groups: [first, count]; null for a file without tickets in it (training, failed). */
  rowGroups: [number, number] | null
}

export interface CanonicalMeta {
  version: number
  columns: string[]
  sortedBy: string[]
  files: CanonicalFile[]
}

/** A file at a URL that is not a canonical tickets file (another Parquet file, a CSV …): the wall imports it whole. */
export class NotCanonicalError extends Error {}

/** The metadata of a canonical file, or an error that says what the file is instead. */
export function canonicalMeta(metadata: FileMetaData): CanonicalMeta {
  const kv = metadata.key_value_metadata?.find(k => k.key === CANONICAL_KEY)
  if (!kv?.value) throw new NotCanonicalError(`不是 servicewall 规范工单文件（缺少 ${CANONICAL_KEY}）/ not a servicewall canonical tickets file (no ${CANONICAL_KEY} metadata)`)
  const meta = JSON.parse(kv.value) as CanonicalMeta
  if (meta.version !== CANONICAL_VERSION) throw new Error(`canonical tickets file version ${meta.version}, this wall reads ${CANONICAL_VERSION}`)
  const names = new Set(metadata.schema.map(s => s.name))
  const missing = CANONICAL_COLUMNS.filter(c => !names.has(c))
  if (missing.length) throw new Error(`canonical tickets file lacks the columns ${missing.join(', ')}`)
  return meta
}

/** Months 'YYYY-MM' as a created_ms range [lo, hi) of wall-clock ms; an open end is ±Infinity. */
export function monthRangeMs(from?: string | null, to?: string | null): [number, number] {
  const at = (m: string, add: number) => Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)) - 1 + add, 1)
  return [from ? at(from, 0) : -Infinity, to ? at(to, 1) : Infinity]
}

interface GroupStats {
  vendor: string | null
  createdMin: number
  createdMax: number
  /** The latest timestamp of any kind in the group (as_of of the whole data set is the max of these). */
  lastMs: number
  resolvedMax: number
}

function stat(metadata: FileMetaData, group: number, column: string, which: 'min_value' | 'max_value'): unknown {
  const chunk = metadata.row_groups[group]?.columns.find(c => c.meta_data?.path_in_schema[0] === column)
  return chunk?.meta_data?.statistics?.[which]
}

function groupStats(metadata: FileMetaData, g: number): GroupStats {
  const n = (col: string, which: 'min_value' | 'max_value', none: number) => {
    const v = stat(metadata, g, col, which)
    return typeof v === 'number' ? v : none
  }
  const vmin = stat(metadata, g, 'vendor', 'min_value')
  const vmax = stat(metadata, g, 'vendor', 'max_value')
  const times = ['created_ms', 'first_response_ms', 'resolved_ms', 'recovered_ms'].map(c => n(c, 'max_value', -Infinity))
  return {
    vendor: typeof vmin === 'string' && vmin === vmax ? vmin : null,
    createdMin: n('created_ms', 'min_value', -Infinity),
    createdMax: n('created_ms', 'max_value', Infinity),
    lastMs: Math.max(...times),
    resolvedMax: n('resolved_ms', 'max_value', -Infinity),
  }
}

/** 'YYYY-MM' of the latest created time in the file, from the footer; null for a file without tickets. */
export function latestMonth(metadata: FileMetaData): string | null {
  const max = Math.max(...metadata.row_groups.map((_, g) => groupStats(metadata, g).createdMax).filter(Number.isFinite))
  return Number.isFinite(max) ? new Date(max).toISOString().slice(0, 7) : null
}

export interface GroupQuery {
  from?: string | null
  to?: string | null
  /** Only these vendors (row groups are single-vendor); empty or absent: every vendor. */
  vendors?: readonly string[]
  /** The recurrence window of the config: a ticket's next ticket may lie this far after its resolution. */
  recurrenceDays: number
}

/**
 * The row groups a wall filtered to `q` needs for exact figures: those whose created range
 * meets the months; per vendor, those up to the latest resolution among them plus the
 * recurrence window (a ticket's recurrence looks at that vendor's later tickets); and one
 * group holding the latest timestamp of the whole file (as_of). Decided from the footer.
 */
export function selectRowGroups(metadata: FileMetaData, q: GroupQuery): number[] {
  const stats = metadata.row_groups.map((_, g) => groupStats(metadata, g))
  const [lo, hi] = monthRangeMs(q.from, q.to)
  const vendorOk = (s: GroupStats) => !q.vendors?.length || s.vendor === null || q.vendors.includes(s.vendor)
  const picked = new Set<number>()
  const reach = new Map<string | null, number>()
  stats.forEach((s, g) => {
    if (!vendorOk(s) || s.createdMax < lo || s.createdMin >= hi) return
    picked.add(g)
    reach.set(s.vendor, Math.max(reach.get(s.vendor) ?? -Infinity, s.resolvedMax + q.recurrenceDays * 86_400_000))
  })
  stats.forEach((s, g) => {
    const until = reach.get(s.vendor) ?? reach.get(null)
    if (until !== undefined && s.createdMax >= lo && s.createdMin <= until) picked.add(g)
  })
  const last = stats.reduce((best, s, g) => (s.lastMs > (stats[best]?.lastMs ?? -Infinity) ? g : best), 0)
  if (stats.length) picked.add(last)
  return [...picked].sort((a, b) => a - b)
}
