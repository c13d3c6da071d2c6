/**
 * The generator's own reading of the KPI contract over its canonical tickets, used to check that the
 * profiles give the intended ranking. Informational: the product's numbers are normative.
 */
import type { CanonTicket } from './canon.ts'
import { DAY, MINUTE, isContractBusinessHour } from './time.ts'

const TARGET = { P1: 30, P2: 120, P3: 240, P4: 480 } as const
const ANCHORS: Record<string, [number, number, number, number, number]> = {
  first_response_avg_min: [0, 30, 120, 720, 2880], sla_response_rate: [1, 0.95, 0.85, 0.7, 0],
  offhours_sla_rate: [1, 0.95, 0.85, 0.7, 0], fcr_rate: [1, 0.95, 0.8, 0.7, 0], csat_avg: [10, 9, 7, 5, 0],
  recovery_avg_min: [0, 60, 240, 1440, 4320], recurrence_rate: [0, 0.05, 0.1, 0.2, 0.5],
  training_coverage: [1, 1, 0.6, 0.3, 0], channels: [5, 4, 3, 2, 0],
}
const DIMENSIONS: [number, string[]][] = [
  [25, ['first_response_avg_min', 'sla_response_rate']], [25, ['fcr_rate', 'recovery_avg_min']],
  [15, ['channels', 'offhours_sla_rate']], [15, ['training_coverage', 'recurrence_rate']], [20, ['csat_avg']],
]

export type Kpis = Record<string, number | null>

const mean = (xs: number[]): number | null => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length)
const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den)

function sla(ts: CanonTicket[], asOf: number): number | null {
  let met = 0
  let eligible = 0
  for (const t of ts) {
    const target = TARGET[t.priority] * MINUTE
    if (t.first_response_at !== null) {
      eligible++
      if (t.first_response_at - t.created_at <= target) met++
    } else if (asOf - t.created_at > target) eligible++
  }
  return ratio(met, eligible)
}

export function score(kpi: string, value: number): number {
  const a = ANCHORS[kpi]
  if (!a) return 0
  const pts = [100, 90, 70, 40, 0]
  const better = a[0] > a[4] ? (x: number, y: number) => x >= y : (x: number, y: number) => x <= y
  if (better(value, a[0])) return 100
  for (let i = 1; i < 5; i++) {
    const hi = a[i - 1] ?? 0
    const lo = a[i] ?? 0
    if (better(value, lo)) return (pts[i - 1] ?? 0) + ((pts[i] ?? 0) - (pts[i - 1] ?? 0)) * ((value - hi) / (lo - hi))
  }
  return 0
}

export function estimate(all: CanonTicket[], vendor: string, trained: number | null, headcount: number, known: { reopen: boolean, satisfaction: boolean }): Kpis {
  const asOf = Math.max(...all.flatMap((t) => [t.created_at, t.first_response_at ?? 0, t.resolved_at ?? 0, t.recovered_at ?? 0]))
  const ts = all.filter((t) => t.vendor === vendor)
  const responded = ts.filter((t) => t.first_response_at !== null)
  const resolved = ts.filter((t) => t.resolved_at !== null)
  const faults = resolved.filter((t) => t.is_fault)
  const byPair = new Map<string, number[]>()
  for (const t of ts) {
    if (t.customer === null) continue
    const k = `${t.customer}|${t.category}`
    byPair.set(k, [...(byPair.get(k) ?? []), t.created_at])
  }
  const withCustomer = resolved.filter((t) => t.customer !== null)
  const recurred = withCustomer.filter((t) => (byPair.get(`${t.customer}|${t.category}`) ?? [])
    .some((c) => t.resolved_at !== null && c > t.resolved_at && c <= t.resolved_at + 30 * DAY))
  const channels = new Set(ts.map((t) => t.channel).filter((c) => c !== null && c !== 'other'))
  const k: Kpis = {
    tickets: ts.length,
    first_response_avg_min: mean(responded.map((t) => ((t.first_response_at ?? 0) - t.created_at) / MINUTE)),
    sla_response_rate: sla(ts, asOf),
    offhours_sla_rate: sla(ts.filter((t) => !isContractBusinessHour(t.created_at)), asOf),
    fcr_rate: known.reopen ? ratio(resolved.filter((t) => t.reopen_count === 0).length, resolved.length) : null,
    csat_avg: known.satisfaction ? mean(ts.flatMap((t) => (t.satisfaction === null ? [] : [t.satisfaction]))) : null,
    csat_response_rate: known.satisfaction ? ratio(resolved.filter((t) => t.satisfaction !== null).length, resolved.length) : null,
    recovery_avg_min: mean(faults.map((t) => ((t.recovered_at ?? t.resolved_at ?? 0) - t.created_at) / MINUTE)),
    recurrence_rate: ratio(recurred.length, withCustomer.length),
    channels: channels.size === 0 ? null : channels.size,
    training_coverage: trained === null ? null : trained / headcount,
    backlog_end: ts.filter((t) => t.resolved_at === null).length,
  }
  const dims = DIMENSIONS.map(([w, kpis]) => {
    const s = kpis.flatMap((name) => { const v = k[name]; return v === null || v === undefined ? [] : [score(name, v)] })
    return s.length === 0 ? null : { w, s: (mean(s) ?? 0) }
  }).filter((d) => d !== null)
  const wsum = dims.reduce((a, d) => a + d.w, 0)
  k.score = wsum === 0 ? null : dims.reduce((a, d) => a + d.w * d.s, 0) / wsum
  return k
}
