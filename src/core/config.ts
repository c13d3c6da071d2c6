/** Anchors, SLA targets and weights. The defaults are the contract's; every value can be overridden (--config, settings). */

export const SCORED_KPIS = [
  'first_response_avg_min', 'sla_response_rate', 'offhours_sla_rate', 'fcr_rate', 'csat_avg',
  'recovery_avg_min', 'recurrence_rate', 'training_coverage', 'channels',
] as const
export type ScoredKpi = (typeof SCORED_KPIS)[number]

/** [ideal, excellent, common, poor, worst]: scores 100, 90, 70, 40, 0 in between linearly. */
export type Anchors = [number, number, number, number, number]

export const DIMENSIONS = ['response_speed', 'problem_solving', 'coverage', 'improvement', 'reputation'] as const
export type Dimension = (typeof DIMENSIONS)[number]

export interface KpiConfig {
  anchors: Record<ScoredKpi, Anchors>
  /** First-response target in minutes by priority. */
  slaTargetsMin: Record<'P1' | 'P2' | 'P3' | 'P4', number>
  dimensions: Record<Dimension, { weight: number, kpis: ScoredKpi[] }>
  /** Business hours for offhours_sla_rate: Monday–Friday, [start, end) in hours. */
  businessHours: { start: number, end: number }
  /** Days after resolution in which a new ticket of the same customer and category counts as a recurrence. */
  recurrenceDays: number
  /** Headcount trained per vendor is divided by this; null = training_coverage is NULL. */
  headcount: number | null
}

export const ANCHOR_SCORES = [100, 90, 70, 40, 0] as const

export const DEFAULT_CONFIG: KpiConfig = {
  anchors: {
    first_response_avg_min: [0, 30, 120, 720, 2880],
    sla_response_rate: [1, 0.95, 0.85, 0.7, 0],
    offhours_sla_rate: [1, 0.95, 0.85, 0.7, 0],
    fcr_rate: [1, 0.95, 0.8, 0.7, 0],
    csat_avg: [10, 9, 7, 5, 0],
    recovery_avg_min: [0, 60, 240, 1440, 4320],
    recurrence_rate: [0, 0.05, 0.1, 0.2, 0.5],
    training_coverage: [1, 1, 0.6, 0.3, 0],
    channels: [5, 4, 3, 2, 0],
  },
  slaTargetsMin: { P1: 30, P2: 120, P3: 240, P4: 480 },
  dimensions: {
    response_speed: { weight: 25, kpis: ['first_response_avg_min', 'sla_response_rate'] },
    problem_solving: { weight: 25, kpis: ['fcr_rate', 'recovery_avg_min'] },
    coverage: { weight: 15, kpis: ['channels', 'offhours_sla_rate'] },
    improvement: { weight: 15, kpis: ['training_coverage', 'recurrence_rate'] },
    reputation: { weight: 20, kpis: ['csat_avg'] },
  },
  businessHours: { start: 9, end: 18 },
  recurrenceDays: 30,
  headcount: null,
}
