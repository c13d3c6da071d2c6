import type { Anchors, Dimension, KpiConfig, ScoredKpi } from './config'
import { DEFAULT_CONFIG, DIMENSIONS, SCORED_KPIS } from './config'

/** A user's config file: any subset of KpiConfig; dimensions may give just a weight. */
export interface ConfigOverrides {
  anchors?: Partial<Record<ScoredKpi, number[]>>
  slaTargetsMin?: Partial<KpiConfig['slaTargetsMin']>
  dimensions?: Partial<Record<Dimension, { weight?: number, kpis?: ScoredKpi[] }>>
  businessHours?: Partial<KpiConfig['businessHours']>
  recurrenceDays?: number
  headcount?: number | null
}

function finite(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`config: ${where} must be a number, got ${JSON.stringify(v)}`)
  return v
}

function anchors(v: unknown, kpi: string): Anchors {
  if (!Array.isArray(v) || v.length !== 5) throw new Error(`config: anchors.${kpi} must be 5 numbers [ideal, excellent, common, poor, worst]`)
  const a = v.map((x, i) => finite(x, `anchors.${kpi}[${i}]`)) as Anchors
  const up = a.every((x, i) => i === 0 || x >= a[i - 1]!)
  const down = a.every((x, i) => i === 0 || x <= a[i - 1]!)
  if (!(up || down) || a[0] === a[4]) throw new Error(`config: anchors.${kpi} must run from ideal to worst in one direction`)
  return a
}

/** DEFAULT_CONFIG with the overrides applied; throws a readable error on anything malformed. */
export function mergeConfig(o: ConfigOverrides = {}, base: KpiConfig = DEFAULT_CONFIG): KpiConfig {
  const cfg: KpiConfig = structuredClone(base)
  for (const [k, v] of Object.entries(o.anchors ?? {})) {
    if (!(SCORED_KPIS as readonly string[]).includes(k)) throw new Error(`config: unknown KPI in anchors: ${k} (known: ${SCORED_KPIS.join(', ')})`)
    cfg.anchors[k as ScoredKpi] = anchors(v, k)
  }
  for (const [p, v] of Object.entries(o.slaTargetsMin ?? {})) {
    if (!(p in cfg.slaTargetsMin)) throw new Error(`config: slaTargetsMin has P1..P4, not ${p}`)
    cfg.slaTargetsMin[p as keyof KpiConfig['slaTargetsMin']] = finite(v, `slaTargetsMin.${p}`)
  }
  for (const [d, v] of Object.entries(o.dimensions ?? {})) {
    if (!(DIMENSIONS as readonly string[]).includes(d)) throw new Error(`config: unknown dimension ${d} (known: ${DIMENSIONS.join(', ')})`)
    const dim = cfg.dimensions[d as Dimension]
    if (v?.weight !== undefined) dim.weight = finite(v.weight, `dimensions.${d}.weight`)
    if (v?.kpis !== undefined) dim.kpis = v.kpis.filter(k => (SCORED_KPIS as readonly string[]).includes(k))
  }
  if (o.businessHours?.start !== undefined) cfg.businessHours.start = finite(o.businessHours.start, 'businessHours.start')
  if (o.businessHours?.end !== undefined) cfg.businessHours.end = finite(o.businessHours.end, 'businessHours.end')
  if (o.recurrenceDays !== undefined) cfg.recurrenceDays = finite(o.recurrenceDays, 'recurrenceDays')
  if (o.headcount !== undefined) cfg.headcount = o.headcount === null ? null : finite(o.headcount, 'headcount')
  return cfg
}
