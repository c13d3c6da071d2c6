import type { Grade, KpiKey } from '../../core/kpis'
import type { ScoredGroup } from '../../core/report-types'
import type { GradedKpi } from '../../core/config'
import type { Better } from '../../i18n/delta'
import type { ValueKey } from '../../i18n/format'
import { GRADED_KPIS } from '../../core/config'

export type ColumnKey = KpiKey | 'score'

/** The KPI table's columns, in reading order: volume, response, resolution, reputation, breadth, total. */
export const TABLE_COLUMNS: readonly ColumnKey[] = [
  'tickets', 'first_response_avg_min', 'first_response_p90_min', 'sla_response_rate', 'fcr_rate', 'csat_avg',
  'recovery_avg_min', 'resolution_avg_min', 'recurrence_rate', 'channels', 'offhours_sla_rate', 'training_coverage', 'score',
]

/** Which way is better, for colouring a month-over-month change. null: neither (volume). */
export const BETTER: Partial<Record<ValueKey, Better>> = {
  tickets: null,
  resolved: null,
  first_response_avg_min: 'lower',
  first_response_p50_min: 'lower',
  first_response_p90_min: 'lower',
  resolution_avg_min: 'lower',
  recovery_avg_min: 'lower',
  recurrence_rate: 'lower',
  backlog_end: 'lower',
  sla_response_rate: 'higher',
  offhours_sla_rate: 'higher',
  fcr_rate: 'higher',
  csat_avg: 'higher',
  channels: 'higher',
  training_coverage: 'higher',
  first_response_bh_avg_min: 'lower',
  resolution_bh_avg_min: 'lower',
  sla_response_bh_rate: 'higher',
  score: 'higher',
}

/** A 0..100 score read on the same scale as the KPI anchors (90 / 70 / 40). */
export function gradeOfScore(score: number | null | undefined): Grade | null {
  if (score === null || score === undefined) return null
  return score >= 90 ? 'excellent' : score >= 70 ? 'common' : score >= 40 ? 'below' : 'poor'
}

export function isScored(key: string): key is GradedKpi {
  return (GRADED_KPIS as readonly string[]).includes(key)
}

/**
 * The table's columns; with `businessHours` (some vendor in view has a working support
 * calendar) each business-hours KPI follows its plain one, and the first-response P90
 * makes room for them (the response page still shows the distribution).
 */
export function tableColumns(businessHours: boolean): readonly ColumnKey[] {
  if (!businessHours) return TABLE_COLUMNS
  const after: Partial<Record<ColumnKey, ColumnKey>> = { first_response_avg_min: 'first_response_bh_avg_min', sla_response_rate: 'sla_response_bh_rate', resolution_avg_min: 'resolution_bh_avg_min' }
  return TABLE_COLUMNS.filter(k => k !== 'first_response_p90_min').flatMap(k => (after[k] ? [k, after[k]] : [k]))
}

/** The grade a cell is coloured by: the report's grade for scored KPIs, the score's own for the score. */
export function cellGrade(row: ScoredGroup, key: ColumnKey): Grade | null {
  if (key === 'score') return gradeOfScore(row.score)
  return isScored(key) ? row.grades[key] ?? null : null
}

export function cellValue(row: ScoredGroup, key: ColumnKey): number | null {
  return key === 'score' ? row.score : row[key]
}

/** data-value: the raw number exactly as in the report; '' for NULL. */
export function rawValue(v: number | null | undefined): string {
  return v === null || v === undefined ? '' : String(v)
}

export const GRADES: readonly Grade[] = ['excellent', 'common', 'below', 'poor']
