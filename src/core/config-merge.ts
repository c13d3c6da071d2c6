import type { Anchors, Dimension, KpiConfig, Priority, ScoredKpi } from './config'
import type { Check, ConfigError } from './config-calendar'
import { DEFAULT_CONFIG, DEFAULT_KEY, DIMENSIONS, SCORED_KPIS } from './config'
import { isObject, parseCalendar } from './config-calendar'

export type { ConfigError }

/** A config file as read: any subset of the JSON form of KpiConfig (docs/kpis.md). */
export type ConfigOverrides = Record<string, unknown>

export type ConfigResult = { ok: true, config: KpiConfig } | { ok: false, errors: ConfigError[] }

const TOP_KEYS = ['anchors', 'slaTargetsMin', 'dimensions', 'businessHours', 'recurrenceDays', 'headcount', 'calendars', 'score_business_hours', 'ratings'] as const

const known = (list: readonly string[]) => `unknown key (known: ${list.join(', ')})`

function number(v: unknown, path: string, bad: Check, ok: (n: number) => boolean, what: string): number | undefined {
  if (typeof v !== 'number' || !Number.isFinite(v)) bad(path, `must be a number, got ${JSON.stringify(v)}`)
  else if (!ok(v)) bad(path, `must be ${what}, got ${v}`)
  else return v
  return undefined
}
const positive = (n: number) => n > 0

function anchors(v: unknown, path: string, bad: Check): Anchors | undefined {
  if (!Array.isArray(v) || v.length !== 5 || !v.every(x => typeof x === 'number' && Number.isFinite(x))) {
    bad(path, 'must be 5 numbers [ideal, excellent, common, poor, worst]')
    return undefined
  }
  const a = v as Anchors
  const up = a.every((x, i) => i === 0 || x >= a[i - 1]!)
  const down = a.every((x, i) => i === 0 || x <= a[i - 1]!)
  if (!(up || down) || a[0] === a[4]) {
    bad(path, 'must run from ideal to worst in one direction')
    return undefined
  }
  return [...a] as Anchors
}

/** A map whose keys are vendors (plus `default`); each value checked by `one`. */
function vendorMap<T>(v: unknown, path: string, bad: Check, one: (x: unknown, p: string) => T | undefined): Record<string, T> | undefined {
  if (!isObject(v)) {
    bad(path, `must be an object { "${DEFAULT_KEY}": …, "<vendor>": … }`)
    return undefined
  }
  const out: Record<string, T> = {}
  for (const [k, x] of Object.entries(v)) {
    if (k.trim() === '') bad(`${path}[""]`, 'a vendor name cannot be empty')
    const r = one(x, `${path}.${k}`)
    if (r !== undefined) out[k] = r
  }
  return out
}

function headcount(v: unknown, bad: Check): Record<string, number> | undefined {
  if (v === null) return {}
  if (typeof v === 'number') {
    const n = number(v, 'headcount', bad, positive, 'more than 0')
    return n === undefined ? undefined : { [DEFAULT_KEY]: n }
  }
  return vendorMap(v, 'headcount', bad, (x, p) => number(x, p, bad, positive, 'more than 0'))
}

function dimensions(v: unknown, cfg: KpiConfig, bad: Check): void {
  if (!isObject(v)) return bad('dimensions', 'must be an object')
  for (const [d, x] of Object.entries(v)) {
    const path = `dimensions.${d}`
    if (!(DIMENSIONS as readonly string[]).includes(d)) bad(path, known(DIMENSIONS))
    else if (!isObject(x)) bad(path, 'must be { "weight": number, "kpis": [...] }')
    else {
      const dim = cfg.dimensions[d as Dimension]
      for (const k of Object.keys(x)) if (k !== 'weight' && k !== 'kpis') bad(`${path}.${k}`, known(['weight', 'kpis']))
      if (x.weight !== undefined) dim.weight = number(x.weight, `${path}.weight`, bad, n => n >= 0, '0 or more') ?? dim.weight
      if (x.kpis === undefined) continue
      if (!Array.isArray(x.kpis)) bad(`${path}.kpis`, 'must be a list of KPI keys')
      else if (d === 'external' && x.kpis.length) bad(`${path}.kpis`, 'external is scored from the ratings and takes no KPIs')
      else {
        x.kpis.forEach((k, i) => (SCORED_KPIS as readonly unknown[]).includes(k) || bad(`${path}.kpis[${i}]`, `not a scored KPI: ${JSON.stringify(k)} (known: ${SCORED_KPIS.join(', ')})`))
        dim.kpis = x.kpis.filter((k): k is ScoredKpi => (SCORED_KPIS as readonly unknown[]).includes(k))
      }
    }
  }
}

function apply(o: Record<string, unknown>, cfg: KpiConfig, bad: Check): void {
  if (o.anchors !== undefined) {
    if (!isObject(o.anchors)) bad('anchors', 'must be an object { "<kpi>": [5 numbers] }')
    else for (const [k, v] of Object.entries(o.anchors)) {
      if (!(SCORED_KPIS as readonly string[]).includes(k)) bad(`anchors.${k}`, known(SCORED_KPIS))
      else cfg.anchors[k as ScoredKpi] = anchors(v, `anchors.${k}`, bad) ?? cfg.anchors[k as ScoredKpi]
    }
  }
  if (o.slaTargetsMin !== undefined) {
    if (!isObject(o.slaTargetsMin)) bad('slaTargetsMin', 'must be an object { "P1": minutes, … }')
    else for (const [p, v] of Object.entries(o.slaTargetsMin)) {
      if (!(p in cfg.slaTargetsMin)) bad(`slaTargetsMin.${p}`, known(['P1', 'P2', 'P3', 'P4']))
      else cfg.slaTargetsMin[p as Priority] = number(v, `slaTargetsMin.${p}`, bad, positive, 'more than 0 minutes') ?? cfg.slaTargetsMin[p as Priority]
    }
  }
  if (o.dimensions !== undefined) dimensions(o.dimensions, cfg, bad)
  if (o.businessHours !== undefined) {
    const bh = o.businessHours
    if (!isObject(bh)) bad('businessHours', 'must be { "start": hour, "end": hour }')
    else {
      const hour = (n: number) => n >= 0 && n <= 24
      if (bh.start !== undefined) cfg.businessHours.start = number(bh.start, 'businessHours.start', bad, hour, 'an hour 0..24') ?? cfg.businessHours.start
      if (bh.end !== undefined) cfg.businessHours.end = number(bh.end, 'businessHours.end', bad, hour, 'an hour 0..24') ?? cfg.businessHours.end
      if (cfg.businessHours.start >= cfg.businessHours.end) bad('businessHours', 'start must be before end')
    }
  }
  if (o.recurrenceDays !== undefined) cfg.recurrenceDays = number(o.recurrenceDays, 'recurrenceDays', bad, positive, 'more than 0 days') ?? cfg.recurrenceDays
  if (o.headcount !== undefined) cfg.headcount = headcount(o.headcount, bad) ?? cfg.headcount
  if (o.calendars !== undefined) cfg.calendars = vendorMap(o.calendars, 'calendars', bad, (x, p) => parseCalendar(x, p, bad)) ?? cfg.calendars
  if (o.score_business_hours !== undefined) {
    if (typeof o.score_business_hours !== 'boolean') bad('score_business_hours', 'must be true or false')
    else cfg.score_business_hours = o.score_business_hours
  }
  if (o.ratings !== undefined) {
    cfg.ratings = vendorMap(o.ratings, 'ratings', bad, (x, p) => number(x, p, bad, n => n >= 0 && n <= 10, 'a rating 0..10')) ?? cfg.ratings
  }
}

/**
 * A config file checked at the edge: `base` (the defaults) with every override applied, or
 * every refused field with its path and the reason. Maps (headcount, calendars, ratings)
 * replace the base's map as a whole; everything else overrides field by field.
 */
export function validateConfig(json: unknown, base: KpiConfig = DEFAULT_CONFIG): ConfigResult {
  const errors: ConfigError[] = []
  const bad: Check = (path, reason) => void errors.push({ path, reason })
  const cfg: KpiConfig = structuredClone(base)
  if (!isObject(json)) bad('', 'a config must be a JSON object')
  else {
    for (const k of Object.keys(json)) if (!(TOP_KEYS as readonly string[]).includes(k)) bad(k, known(TOP_KEYS))
    apply(json, cfg, bad)
  }
  return errors.length ? { ok: false, errors } : { ok: true, config: cfg }
}

/** One line per refused field: `calendars.A.hours[0]: starts at or after its end`. */
export function configErrorText(errors: ConfigError[]): string {
  return errors.map(e => (e.path ? `${e.path}: ${e.reason}` : e.reason)).join('\n')
}

/** validateConfig that throws `config: <path>: <reason>` (the CLI exits 2 with it). */
export function mergeConfig(o: unknown = {}, base: KpiConfig = DEFAULT_CONFIG): KpiConfig {
  const r = validateConfig(o, base)
  if (!r.ok) throw new Error(`config: ${configErrorText(r.errors).replaceAll('\n', '\nconfig: ')}`)
  return r.config
}
