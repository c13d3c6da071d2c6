/**
 * The one config object: anchors, SLA targets, weights, calendars, ratings and headcount.
 * Its JSON form is what `--config` takes and what the wall's settings export; the defaults
 * are the contract's. validateConfig (config-merge.ts) is the only way in from outside.
 */

export const SCORED_KPIS = [
  'first_response_avg_min', 'sla_response_rate', 'offhours_sla_rate', 'fcr_rate', 'csat_avg',
  'recovery_avg_min', 'recurrence_rate', 'training_coverage', 'channels',
] as const
export type ScoredKpi = (typeof SCORED_KPIS)[number]

/** Business-hours variants graded (and, with score_business_hours, scored) on the anchors of their plain KPI. */
export const BH_SCORED = { first_response_bh_avg_min: 'first_response_avg_min', sla_response_bh_rate: 'sla_response_rate' } as const
export type BhScoredKpi = keyof typeof BH_SCORED
/** Every KPI that has a score and a grade. */
export const GRADED_KPIS = [...SCORED_KPIS, ...Object.keys(BH_SCORED) as BhScoredKpi[]] as const
export type GradedKpi = ScoredKpi | BhScoredKpi

/** [ideal, excellent, common, poor, worst]: scores 100, 90, 70, 40, 0 in between linearly. */
export type Anchors = [number, number, number, number, number]

export const DIMENSIONS = ['response_speed', 'problem_solving', 'coverage', 'improvement', 'reputation', 'external'] as const
export type Dimension = (typeof DIMENSIONS)[number]

export type Priority = 'P1' | 'P2' | 'P3' | 'P4'

/** A support calendar (KPI contract §4): when a vendor's desk is meant to work. */
export interface WorkCalendar {
  /** ISO weekdays, 1 = Monday. */
  days: number[]
  /** Working intervals of a working day, wall clock [start, end), "HH:MM". */
  hours: [string, string][]
  /** Dates off, YYYY-MM-DD. */
  holidays: string[]
  /** Make-up working days (调休), YYYY-MM-DD. */
  workdays: string[]
}
export type Calendar = '7x24' | WorkCalendar

/** The key of a per-vendor map that applies to every vendor not named in it. */
export const DEFAULT_KEY = 'default'

export interface KpiConfig {
  anchors: Record<ScoredKpi, Anchors>
  /** First-response target in minutes by priority. */
  slaTargetsMin: Record<Priority, number>
  /** external takes no KPIs: its score is the vendor's rating × 10. */
  dimensions: Record<Dimension, { weight: number, kpis: ScoredKpi[] }>
  /** Business hours for offhours_sla_rate: Monday–Friday, [start, end) in hours. */
  businessHours: { start: number, end: number }
  /** Days after resolution in which a new ticket of the same customer and category counts as a recurrence. */
  recurrenceDays: number
  /** People to train: `default` (the office) and per vendor. Without any, training_coverage is NULL. */
  headcount: Record<string, number>
  /** Vendor → support calendar, plus `default`; without either a vendor works 7x24. */
  calendars: Record<string, Calendar>
  /** Score first_response_bh_avg_min and sla_response_bh_rate in place of the plain ones. */
  score_business_hours: boolean
  /** External ratings per vendor, 0..10 (an association's score, a survey). */
  ratings: Record<string, number>
}

export const ANCHOR_SCORES = [100, 90, 70, 40, 0] as const

export const DEFAULT_HOURS: [string, string][] = [['09:00', '18:00']]

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
    external: { weight: 0, kpis: [] },
  },
  businessHours: { start: 9, end: 18 },
  recurrenceDays: 30,
  headcount: {},
  calendars: {},
  score_business_hours: false,
  ratings: {},
}

/** The anchors a graded KPI is scored on. */
export function anchorsOf(cfg: KpiConfig, k: GradedKpi): Anchors {
  return cfg.anchors[k in BH_SCORED ? BH_SCORED[k as BhScoredKpi] : k as ScoredKpi]
}

/** The KPI scored in a dimension's place for `k`: its business-hours variant under score_business_hours. */
export function scoredAs(cfg: KpiConfig, k: ScoredKpi): GradedKpi {
  if (!cfg.score_business_hours) return k
  const bh = (Object.keys(BH_SCORED) as BhScoredKpi[]).find(b => BH_SCORED[b] === k)
  return bh ?? k
}

/** The per-vendor entries of a vendor map (without `default`). */
export function vendorEntries<T>(m: Record<string, T>): [string, T][] {
  return Object.entries(m).filter(([k]) => k !== DEFAULT_KEY)
}

/** The calendar a vendor works by. */
export function calendarOf(cfg: KpiConfig, vendor: string): Calendar {
  return cfg.calendars[vendor] ?? cfg.calendars[DEFAULT_KEY] ?? '7x24'
}

/** The dimensions a view shows: external only where some vendor has an external score. */
export function shownDimensions(vendors: readonly { dimensions: Record<Dimension, number | null> }[]): Dimension[] {
  return DIMENSIONS.filter(d => d !== 'external' || vendors.some(v => v.dimensions.external !== null))
}
