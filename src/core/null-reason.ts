/**
 * Why a KPI is NULL ("—") for a group: no file of the group carries a field the KPI needs
 * (contract §1, known and unknown), or the field is there but no ticket of the selection is
 * eligible. Decided from the import report alone, so every "—" on the wall can say why.
 */
import type { FileReport, ImportReport } from './report-types'
import type { KnownFlag } from './schema'

/** The fields each KPI needs; a KPI is unknown for the tickets of a file lacking any of them. */
const NEEDS: Record<string, readonly KnownFlag[]> = {
  first_response_avg_min: ['first_response'],
  first_response_p50_min: ['first_response'],
  first_response_p90_min: ['first_response'],
  sla_response_rate: ['first_response'],
  offhours_sla_rate: ['first_response'],
  resolved: ['resolved'],
  resolution_avg_min: ['resolved'],
  resolution_p90_min: ['resolved'],
  resolution_max_min: ['resolved'],
  backlog_end: ['resolved'],
  fcr_rate: ['resolved', 'reopen'],
  csat_avg: ['satisfaction'],
  csat_response_rate: ['satisfaction', 'resolved'],
  recovery_avg_min: ['resolved', 'fault'],
  recovery_p90_min: ['resolved', 'fault'],
  recurrence_rate: ['resolved', 'customer'],
  channels: ['channel'],
}

export type NullReason =
  | { kind: 'field', field: KnownFlag, files: string[] }
  | { kind: 'eligible' }
  | { kind: 'training' }
  | { kind: 'score' }
  | { kind: 'data' }

/** The ticket files whose tickets can belong to the vendor (null: every vendor). */
function filesOf(report: ImportReport, vendor: string | null): FileReport[] {
  return report.files.filter(f => f.kind === 'tickets' && f.error === null && (vendor === null || f.vendor === vendor || f.vendor === null || f.vendor === undefined))
}

const carries = (f: FileReport, flag: KnownFlag): boolean => !(f.missing ?? []).some(m => m.field === flag)

export function nullReason(kpi: string, vendor: string | null, report: ImportReport): NullReason {
  const files = filesOf(report, vendor)
  if (files.length === 0) return { kind: 'data' }
  if (kpi === 'training_coverage') return { kind: 'training' }
  if (kpi === 'score' || kpi.startsWith('dim_') || kpi.startsWith('dimension')) return { kind: 'score' }
  for (const flag of NEEDS[kpi] ?? []) {
    if (!files.some(f => carries(f, flag))) return { kind: 'field', field: flag, files: files.map(f => f.file) }
  }
  return { kind: 'eligible' }
}
