/** The five vendors' service-quality profiles. Durations are minutes; [P1, P2, P3, P4]. */
import { FXIAOKE, JDY, KINGDEE, SAPB1, YONYOU, type Catalog } from './catalog.ts'
import { SECOND, MINUTE } from './time.ts'

export type PerPriority = [number, number, number, number]

export interface Coverage {
  /** 'all' = every day, 'workdays' = Monday–Friday without public holidays. */
  days: 'all' | 'workdays'
  /** Staffed hours [start, end) in decimal hours. */
  start: number
  end: number
  /** Chance a P1 outside staffed hours reaches an on-call engineer. */
  p1OnCall: number
}

export interface Profile {
  vendor: string
  /** Intended place in the ranking (1 = best) and a one-line description. */
  rank: number
  summary: string
  volume: number
  catalog: Catalog
  coverage: Coverage
  respMedian: PerPriority
  respSigma: number
  /** Chance a ticket is overlooked at first (its response comes ~4 hours later). */
  slipRate: number
  /** Multiplier on response and work times, from the first to the last day (a trend the monthly charts show). */
  trend: [number, number]
  resolveMedian: PerPriority
  resolveSigma: number
  /** Faults: time from first response to service restored. */
  restoreMedian: PerPriority
  restoreSigma: number
  /** Faults: chance the ticket stays open for a root-cause fix after the service is restored, and its median. */
  rootCauseShare: number
  rootCauseMedian: number
  faultBoost: number
  /** Outage storms: how many, each 6–14 tickets within ~2 hours sharing one restore time. */
  storms: number
  /** Resolved without any recorded first response. */
  noResponseRate: number
  /** Never responded, never resolved. */
  abandonRate: number
  /** Responded but never resolved (stuck in the backlog). */
  stuckRate: number
  reopenRate: number
  secondReopenRate: number
  /** Satisfaction: expected 1..5 level before speed penalties, and the share of resolved tickets that get rated. */
  csatBase: number
  ratedShare: number
  /** Chance a ticket is a repeat of a recently resolved one (same customer and category). */
  repeatRate: number
  /** Distinct key users trained (headcount 40). */
  trained: number
  /** How a person appears as the customer. */
  customerStyle: 'dept-name' | 'name'
  /** Precision of the export: created_at grain, and the step of each duration after created_at. */
  grain: { created: number, response: number, resolved: number }
}

const SECONDS = { created: SECOND, response: SECOND, resolved: SECOND }

export const PROFILES: Profile[] = [
  {
    vendor: '简道云ERP', rank: 2, summary: 'good: fast online support 08–22 every day, solid fixes, satisfied users',
    volume: 2600, catalog: JDY, coverage: { days: 'all', start: 8, end: 22, p1OnCall: 0.8 },
    respMedian: [8, 20, 28, 45], respSigma: 0.9, slipRate: 0.04, trend: [1.1, 0.9],
    resolveMedian: [90, 240, 420, 900], resolveSigma: 1.0, restoreMedian: [45, 90, 130, 200], restoreSigma: 0.8,
    rootCauseShare: 0.05, rootCauseMedian: 600, faultBoost: 1, storms: 3,
    noResponseRate: 0.01, abandonRate: 0.002, stuckRate: 0.004, reopenRate: 0.09, secondReopenRate: 0.12,
    csatBase: 4.5, ratedShare: 0.55, repeatRate: 0.045, trained: 30, customerStyle: 'dept-name',
    grain: { created: MINUTE, response: MINUTE, resolved: MINUTE },
  },
  {
    vendor: '金蝶云星辰', rank: 1, summary: 'excellent: 7×24 hotline and IM, answers in minutes, restores faults within the hour, everyone trained',
    volume: 1700, catalog: KINGDEE, coverage: { days: 'all', start: 0, end: 24, p1OnCall: 1 },
    respMedian: [6, 10, 14, 22], respSigma: 0.85, slipRate: 0.02, trend: [1, 1],
    resolveMedian: [60, 150, 240, 480], resolveSigma: 0.9, restoreMedian: [15, 22, 30, 40], restoreSigma: 0.6,
    rootCauseShare: 0, rootCauseMedian: 0, faultBoost: 1, storms: 2,
    noResponseRate: 0.002, abandonRate: 0, stuckRate: 0.001, reopenRate: 0.035, secondReopenRate: 0.1,
    csatBase: 5.1, ratedShare: 0.7, repeatRate: 0.02, trained: 40, customerStyle: 'name', grain: SECONDS,
  },
  {
    vendor: '用友U9', rank: 3, summary: 'average: desk 08–20 every day with P1 on-call, answers within hours, many incidents, mixed ratings',
    volume: 2200, catalog: YONYOU, coverage: { days: 'all', start: 8, end: 20, p1OnCall: 0.6 },
    respMedian: [10, 30, 45, 75], respSigma: 1.0, slipRate: 0.06, trend: [1, 1],
    resolveMedian: [180, 480, 900, 1800], resolveSigma: 1.1, restoreMedian: [60, 120, 200, 300], restoreSigma: 0.9,
    rootCauseShare: 0.05, rootCauseMedian: 1440, faultBoost: 1, storms: 3,
    noResponseRate: 0.02, abandonRate: 0.004, stuckRate: 0.01, reopenRate: 0.13, secondReopenRate: 0.2,
    csatBase: 4.3, ratedShare: 0.5, repeatRate: 0.07, trained: 25, customerStyle: 'name',
    grain: { created: SECOND, response: MINUTE, resolved: MINUTE },
  },
  {
    vendor: '纷享销客', rank: 4, summary: 'below average: office hours only, slow first answers that improve over the year, few channels, low ratings',
    volume: 1900, catalog: FXIAOKE, coverage: { days: 'workdays', start: 9, end: 18, p1OnCall: 0.3 },
    respMedian: [20, 45, 75, 120], respSigma: 1.0, slipRate: 0.08, trend: [1.5, 0.7],
    resolveMedian: [300, 900, 1800, 3600], resolveSigma: 1.1, restoreMedian: [90, 180, 300, 420], restoreSigma: 1.0,
    rootCauseShare: 0.06, rootCauseMedian: 2880, faultBoost: 1.3, storms: 4,
    noResponseRate: 0.03, abandonRate: 0.01, stuckRate: 0.02, reopenRate: 0.16, secondReopenRate: 0.25,
    csatBase: 4, ratedShare: 0.3, repeatRate: 0.12, trained: 12, customerStyle: 'name',
    grain: { created: MINUTE, response: 36 * SECOND, resolved: MINUTE },
  },
  {
    vendor: 'SAP B1', rank: 5, summary: 'poor: remote partner, office hours, no on-call, half a day to answer, faults down for more than a day, getting worse, no training',
    volume: 1600, catalog: SAPB1, coverage: { days: 'workdays', start: 9, end: 17.5, p1OnCall: 0 },
    respMedian: [60, 180, 300, 480], respSigma: 1.0, slipRate: 0.1, trend: [0.9, 1.3],
    resolveMedian: [600, 1800, 3600, 7200], resolveSigma: 1.1, restoreMedian: [240, 500, 900, 1400], restoreSigma: 1.0,
    rootCauseShare: 0.45, rootCauseMedian: 4320, faultBoost: 1.5, storms: 5,
    noResponseRate: 0.03, abandonRate: 0.02, stuckRate: 0.03, reopenRate: 0.27, secondReopenRate: 0.3,
    csatBase: 3, ratedShare: 0, repeatRate: 0.17, trained: 0, customerStyle: 'name', grain: SECONDS,
  },
]
