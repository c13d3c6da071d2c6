import type { Dimension, GradedKpi } from './config'

/** Every KPI of the contract, in the order the report lists them. Keys are the contract's. */
export const KPI_KEYS = [
  'tickets',
  'first_response_avg_min', 'first_response_p50_min', 'first_response_p90_min',
  'sla_response_rate',
  'resolved', 'resolution_avg_min', 'resolution_p90_min', 'resolution_max_min',
  'fcr_rate', 'csat_avg', 'csat_response_rate',
  'recovery_avg_min', 'recovery_p90_min',
  'recurrence_rate', 'channels', 'offhours_sla_rate', 'training_coverage',
  'first_response_bh_avg_min', 'sla_response_bh_rate', 'resolution_bh_avg_min',
] as const
export type KpiKey = (typeof KPI_KEYS)[number]

export type KpiValues = Record<KpiKey, number | null>

export type Grade = 'excellent' | 'common' | 'below' | 'poor'

export interface Scored {
  score: number | null
  dimensions: Record<Dimension, number | null>
  grades: Record<GradedKpi, Grade | null>
  scores: Record<GradedKpi, number | null>
}

/** How a KPI reads: counts, minutes, rates (0..1) or a 0..10 score. */
export type KpiUnit = 'count' | 'minutes' | 'rate' | 'score10'

export const KPI_UNITS: Record<KpiKey, KpiUnit> = {
  tickets: 'count',
  first_response_avg_min: 'minutes',
  first_response_p50_min: 'minutes',
  first_response_p90_min: 'minutes',
  sla_response_rate: 'rate',
  resolved: 'count',
  resolution_avg_min: 'minutes',
  resolution_p90_min: 'minutes',
  resolution_max_min: 'minutes',
  fcr_rate: 'rate',
  csat_avg: 'score10',
  csat_response_rate: 'rate',
  recovery_avg_min: 'minutes',
  recovery_p90_min: 'minutes',
  recurrence_rate: 'rate',
  channels: 'count',
  offhours_sla_rate: 'rate',
  training_coverage: 'rate',
  first_response_bh_avg_min: 'minutes',
  sla_response_bh_rate: 'rate',
  resolution_bh_avg_min: 'minutes',
}
