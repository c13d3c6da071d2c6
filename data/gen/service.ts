/** How a vendor handles one ticket: first response, restore, resolution, reopens and the rating it earns. */
import type { Priority } from '../../src/core/schema.ts'
import type { Random } from './prng.ts'
import type { Coverage, Profile } from './profiles.ts'
import { EXPORT_AT, PERIOD_START } from './calendar.ts'
import { DAY, HOUR, MINUTE, SECOND, isWorkday, startOfDay } from './time.ts'

export interface ServiceTimes {
  firstResponse: number | null
  /** First time the ticket was resolved (before any reopen); null if not by the export. */
  firstResolved: number | null
  /** Final resolution; null = open at the export (reopened tickets may have firstResolved but no resolved). */
  resolved: number | null
  /** Faults only: service restored. */
  recovered: number | null
  reopens: number
  /** 1..5, null = not rated. */
  csatLevel: number | null
  surveyOffered: boolean
}

const SLA_TARGET: Record<Priority, number> = { P1: 30, P2: 120, P3: 240, P4: 480 }
const PRIORITY_INDEX: Record<Priority, 0 | 1 | 2 | 3> = { P1: 0, P2: 1, P3: 2, P4: 3 }

/** The first staffed moment at or after `ms`. */
export function nextCovered(ms: number, c: Coverage): number {
  if (c.days === 'all' && c.start === 0 && c.end === 24) return ms
  let t = ms
  for (let i = 0; i < 40; i++) {
    const day = startOfDay(t)
    const open = day + c.start * HOUR
    const close = day + c.end * HOUR
    if (c.days === 'all' || isWorkday(day)) {
      if (t < open) return open
      if (t < close) return t
    }
    t = day + DAY
  }
  return t
}

/** Work that would end outside staffed hours ends after the next opening instead. */
function intoCoverage(rng: Random, ms: number, c: Coverage): number {
  const t = nextCovered(ms, c)
  return t === ms ? ms : t + rng.float() * 90 * MINUTE
}

/** created + the duration rounded up to `step`. */
const after = (created: number, at: number, step: number): number => created + Math.ceil((at - created) / step) * step

export function simulateService(
  rng: Random, p: Profile, created: number, priority: Priority, fault: boolean, stormRestore: number | null,
): ServiceTimes {
  const pi = PRIORITY_INDEX[priority]
  const trend = p.trend[0] + (p.trend[1] - p.trend[0]) * ((created - PERIOD_START) / (EXPORT_AT - PERIOD_START))
  const onCall = priority === 'P1' && rng.chance(p.coverage.p1OnCall)
  const start = onCall ? created : nextCovered(created, p.coverage)
  const stormLoad = stormRestore === null ? 1 : 1.6
  const slip = rng.chance(p.slipRate) ? rng.logNormal(240, 0.6) : 0
  let response = start + (rng.logNormal(p.respMedian[pi] * trend * stormLoad, p.respSigma) + slip) * MINUTE
  if (!onCall) response = intoCoverage(rng, response, p.coverage)
  const abandoned = rng.chance(p.abandonRate)
  const stuck = rng.chance(p.stuckRate)

  let recovered: number | null = null
  let firstResolved: number
  if (fault) {
    const restoreAt = stormRestore ?? response + rng.logNormal(p.restoreMedian[pi] * trend, p.restoreSigma) * MINUTE
    recovered = Math.max(restoreAt, response + 2 * MINUTE)
    firstResolved = recovered + (rng.chance(p.rootCauseShare)
      ? intoCoverage(rng, recovered + rng.logNormal(p.rootCauseMedian, 0.8) * MINUTE, p.coverage) - recovered
      : rng.float() * 20 * MINUTE)
  } else {
    firstResolved = intoCoverage(rng, response + rng.logNormal(p.resolveMedian[pi] * trend, p.resolveSigma) * MINUTE, p.coverage)
  }
  let reopens = rng.chance(p.reopenRate) ? (rng.chance(p.secondReopenRate) ? 2 : 1) : 0
  let resolved = firstResolved
  for (let i = 0; i < reopens; i++) {
    // A reopened fault is fixed again within hours; other reopened tickets take about a day.
    resolved = intoCoverage(rng, resolved + rng.logNormal(fault ? 120 : 1440, 0.9) * MINUTE, p.coverage)
  }
  const unanswered = rng.chance(p.noResponseRate)

  // Quantize to the export's precision, then cut everything that has not happened by the export.
  const g = p.grain
  const q = (at: number, step: number): number | null => {
    const v = after(created, at, step)
    return v <= EXPORT_AT ? v : null
  }
  const firstResponseQ = abandoned || unanswered ? null : q(response, g.response)
  let firstResolvedQ = abandoned || stuck ? null : q(firstResolved, g.resolved)
  let resolvedQ = firstResolvedQ === null ? null : q(resolved, g.resolved)
  const recoveredQ = recovered === null || abandoned ? null : q(recovered, SECOND)
  if (firstResolvedQ === null) reopens = 0
  if (firstResponseQ === null && !unanswered) {
    firstResolvedQ = null
    resolvedQ = null
    reopens = 0
  }

  let csatLevel: number | null = null
  let surveyOffered = false
  if (resolvedQ !== null) {
    surveyOffered = rng.chance(0.85)
    if (surveyOffered && rng.chance(p.ratedShare / 0.85)) {
      const respMin = ((firstResponseQ ?? resolvedQ) - created) / MINUTE
      const resolMin = (resolvedQ - created) / MINUTE
      const score = p.csatBase
        - 0.45 * Math.max(0, Math.log(Math.max(respMin, 1) / SLA_TARGET[priority]))
        - 0.3 * Math.max(0, Math.log(Math.max(resolMin, 1) / (fault ? 120 : 600)))
        - 0.7 * reopens + 0.65 * rng.normal()
      csatLevel = Math.min(5, Math.max(1, Math.round(score)))
    }
  }
  return {
    firstResponse: firstResponseQ, firstResolved: firstResolvedQ, resolved: resolvedQ,
    recovered: recoveredQ,
    reopens, csatLevel, surveyOffered,
  }
}
