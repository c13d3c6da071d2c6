import type { KpiValues, Scored } from './kpis'
import type { Filters } from './filters'

export type ScoredGroup = KpiValues & Scored

export interface VendorRow extends ScoredGroup {
  vendor: string
  rank: number
}

export interface MonthRow extends KpiValues {
  month: string
  backlog_end: number | null
}

export interface VendorMonthRow extends KpiValues {
  vendor: string
  month: string
}

export interface PriorityRow extends KpiValues {
  priority: string
}

export interface ChannelRow extends KpiValues {
  /** null: tickets whose file carries a channel column but the cell was empty. */
  channel: string | null
}

export interface BacklogDay {
  day: string
  created: number
  resolved: number
  backlog: number
}

export interface FileReport {
  file: string
  format: string
  encoding: string
  /** Data rows seen in the file (below the header). */
  rows: number
  /** Tickets that made it into the data set (after duplicates). */
  loaded: number
  rejected: number
  duplicates: number
  error: string | null
  /** Values kept but not understood (left empty), one line per field, e.g. an unknown satisfaction label. */
  warnings?: string[]
  /** 'tickets' or 'training'. */
  kind?: string
  vendor?: string | null
}

export interface ImportReport {
  files: FileReport[]
  rejected: { file: string, row: number, reason: string }[]
}

/** What `servicewall report --format json` prints and what the wall shows. */
export interface KpiReport {
  as_of: string | null
  filters: Filters
  overall: ScoredGroup & { backlog_end: number | null }
  vendors: VendorRow[]
  months: MonthRow[]
  vendor_months: VendorMonthRow[]
  priorities: PriorityRow[]
  channels: ChannelRow[]
  backlog: BacklogDay[]
  import: ImportReport
}
