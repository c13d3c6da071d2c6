/** The canonical ticket of the KPI contract (docs/kpi.md) and what the header mapper produces. */

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const
export type Priority = (typeof PRIORITIES)[number]

export const CHANNELS = ['phone', 'im', 'ticket', 'email', 'wechat', 'onsite', 'other'] as const
export type Channel = (typeof CHANNELS)[number]

/**
 * Targets a header can be mapped to. Besides the canonical fields, durations
 * (minutes or hours after created_at) stand in for the timestamps they derive,
 * and `fault_type` is a type column used only to decide is_fault.
 */
export const MAPPING_TARGETS = [
  'ticket_id', 'vendor', 'created_at', 'first_response_at', 'resolved_at', 'recovered_at',
  'priority', 'channel', 'category', 'is_fault', 'reopen_count', 'satisfaction', 'customer',
  'first_response_min', 'first_response_hours', 'resolution_min', 'resolution_hours', 'fault_type',
] as const
export type MappingTarget = (typeof MAPPING_TARGETS)[number]

/** canonical target -> header text exactly as in the file. Used by --map and the mapping dialog. */
export type Mapping = Partial<Record<MappingTarget, string>>

export const REQUIRED_TARGETS = ['ticket_id', 'created_at'] as const

/** Fields whose presence in a file decides which KPIs its tickets count in (contract: known/unknown). */
export const KNOWN_FLAGS = ['first_response', 'resolved', 'reopen', 'satisfaction', 'channel', 'fault', 'customer', 'category'] as const
export type KnownFlag = (typeof KNOWN_FLAGS)[number]

/** One file's tickets after mapping and normalization, column-wise. Timestamps are wall-clock ms (read as UTC). */
export interface CanonicalBatch {
  length: number
  ticket_id: string[]
  vendor: string[]
  created_at: number[]
  first_response_at: (number | null)[]
  resolved_at: (number | null)[]
  recovered_at: (number | null)[]
  priority: Priority[]
  channel: (Channel | null)[]
  category: (string | null)[]
  is_fault: (boolean | null)[]
  reopen_count: (number | null)[]
  satisfaction: (number | null)[]
  customer: (string | null)[]
  /** Spreadsheet row number of each ticket in its file. */
  row: number[]
  known: Record<KnownFlag, boolean>
}

export interface RejectedRow {
  file: string
  row: number
  reason: string
}
