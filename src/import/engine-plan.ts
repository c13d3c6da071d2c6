/**
 * The engine import's questions to DuckDB: the whole-file facts planColumns needs (date order,
 * empty vendor column), the distinct values to classify into lookup tables, the satisfaction
 * scale of the accepted rows, and the warnings' counts and first examples.
 */
import type { Engine } from '../core/engine'
import type { LookupTable } from '../core/import-lookups'
import type { DurationUnit } from '../core/normalize'
import type { DateParseOptions } from '../core/parse-datetime'
import type { ColumnPlan, PlanFacts } from '../core/plan-columns'
import type { Columns } from '../core/ticket-mapper'
import type { MappingTarget } from '../core/schema'
import { channelLookup, dateLookup, durationLookup, faultLookup, numberText, priorityLookup, reopenLookup, satisfactionLookup, textLookup } from '../core/import-lookups'
import { satisfactionScaleOf } from '../core/normalize'
import { YEAR_LAST } from '../core/plan-columns'
import { cellCol, cleanCell, jsTrim } from '../core/sql/import-cells'
import { dayFirstEvidenceSql, residualDateSql } from '../core/sql/import-dates'
import type { TextTarget } from '../core/sql/import-map'
import { DURATIONS, lookupTable, rawKey, scaledSql, STAMPS, TEXTS } from '../core/sql/import-map'
import { Warnings } from '../core/ticket-mapper'
import { lookupToArrowIPC } from './to-arrow'

interface ColumnFacts { first: string | null, hasValue: boolean }

/** PlanFacts answered from SQL; a question not asked before is noted, answered by fetchMissing(), and the plan made again. */
export async function engineFacts(engine: Engine, p: string, width: number) {
  const known = new Map<number, ColumnFacts>()
  const evidence = new Map<number, { df: number, mf: number }>()
  const missing = new Set<number>()
  const missingEvidence = new Set<number>()
  const facts: PlanFacts = {
    dayFirst(cols) {
      let df = 0
      let mf = 0
      for (const c of cols) {
        if (c < 0 || c >= width) continue
        const f = known.get(c)
        if (f === undefined) missing.add(c)
        else if (YEAR_LAST.test(f.first ?? '')) {
          const e = evidence.get(c)
          if (e === undefined) missingEvidence.add(c)
          df += e?.df ?? 0
          mf += e?.mf ?? 0
        }
      }
      return df > 0 && mf === 0
    },
    vendorEmpty(col) {
      const f = known.get(col)
      if (f === undefined) missing.add(col)
      return f !== undefined && !f.hasValue
    },
  }
  async function fetchMissing(): Promise<boolean> {
    if (missing.size === 0 && missingEvidence.size === 0) return false
    // The first value and the first non-blank one: scans in record order that stop at the first hit.
    for (const c of missing) {
      const [first] = await engine.query<{ v: string }>(`SELECT ${jsTrim(cellCol(c))} AS v FROM ${p}_rows WHERE ${jsTrim(cellCol(c))} <> '' LIMIT 1`)
      const [value] = first === undefined ? [] : await engine.query(`SELECT 1 FROM ${p}_rows WHERE ${cleanCell(cellCol(c))} <> '' LIMIT 1`)
      known.set(c, { first: first?.v ?? null, hasValue: value !== undefined })
    }
    const ev = [...missingEvidence]
    if (ev.length) {
      const sel = ev.flatMap(c => [`count(*) FILTER (WHERE ${dayFirstEvidenceSql(cellCol(c))} = 1)::DOUBLE AS df_${c}`,
        `count(*) FILTER (WHERE ${dayFirstEvidenceSql(cellCol(c))} = -1)::DOUBLE AS mf_${c}`])
      const [r] = await engine.query<Record<string, number>>(`SELECT ${sel.join(', ')} FROM ${p}_rows`)
      for (const c of ev) evidence.set(c, { df: r?.[`df_${c}`] ?? 0, mf: r?.[`mf_${c}`] ?? 0 })
    }
    missing.clear()
    missingEvidence.clear()
    return true
  }
  return { facts, fetchMissing }
}

const DURATION_UNITS: Record<(typeof DURATIONS)[number], DurationUnit> = {
  first_response_min: 'min', first_response_hours: 'hours', resolution_min: 'min', resolution_hours: 'hours',
}
/** More distinct texts than this in a text column: it is cleaned per row rather than looked up. */
const MAX_TEXT_LOOKUP = 50_000

/**
 * A lookup table from a query of distinct raw texts (columns k, or flag/category/type for the
 * fault triples): the texts go to TypeScript and come back classified by their position; the keys
 * stay in the engine, so the join compares the very bytes read_csv read.
 */
async function lookup(engine: Engine, table: string, distinctSql: string, make: (rows: Record<string, string>[]) => LookupTable): Promise<void> {
  await engine.exec(`CREATE TEMP TABLE ${table}_k AS SELECT (row_number() OVER () - 1)::DOUBLE AS i, * FROM (${distinctSql})`)
  const rows = await engine.query<Record<string, string>>(`SELECT * EXCLUDE (i) FROM ${table}_k ORDER BY i`)
  const values = make(rows)
  values.i = { type: 'f64', values: rows.map((_, i) => i) }
  await engine.insertArrowIPC(`${table}_v`, lookupToArrowIPC(values), true)
  await engine.exec(`CREATE TEMP TABLE ${table} AS SELECT k.* EXCLUDE (i), v.* EXCLUDE (i) FROM ${table}_k k JOIN ${table}_v v ON v.i = k.i`)
  for (const t of [`${table}_k`, `${table}_v`]) await engine.exec(`DROP TABLE ${t}`)
}

/** One set of distinct raw texts: its name and its key columns (output name, SQL over the data rows). */
interface KeySet { name: string, keys: [string, string][] }

/**
 * The distinct raw texts of every lookup in one scan of the data rows (GROUPING SETS), kept in
 * `${p}_keys`: the timestamps only where they are no fast layout.
 */
async function keySets(engine: Engine, p: string, sets: KeySet[]): Promise<(name: string) => string> {
  const alias = (s: KeySet, c: string) => `${s.name}__${c}`
  const exprs = sets.flatMap(s => s.keys.map(([c, e]) => `${e} AS ${alias(s, c)}`))
  const grouping = sets.map(s => `GROUPING(${alias(s, s.keys[0]![0])}) AS g_${s.name}`)
  const groups = sets.map(s => `(${s.keys.map(([c]) => alias(s, c)).join(', ')})`)
  await engine.exec(`CREATE TEMP TABLE ${p}_keys AS SELECT ${sets.flatMap(s => s.keys.map(([c]) => alias(s, c))).join(', ')}, ${grouping.join(', ')} `
    + `FROM (SELECT ${exprs.join(', ')} FROM ${p}_rows) GROUP BY GROUPING SETS (${groups.join(', ')})`)
  return (name) => {
    const s = sets.find(x => x.name === name)!
    return `SELECT ${s.keys.map(([c]) => `${alias(s, c)} AS ${c}`).join(', ')} FROM ${p}_keys WHERE g_${name} = 0`
  }
}

/**
 * Every lookup table the per-row SQL joins, from the distinct raw texts of the data rows; the
 * text columns (vendor, category, customer) that have one.
 */
export async function loadLookups(engine: Engine, p: string, plan: ColumnPlan, dateOpts: DateParseOptions): Promise<Set<TextTarget>> {
  const { cols, decimalComma } = plan
  const key = (t: MappingTarget) => rawKey(cols, t, `${p}_rows`)
  const present = <T extends MappingTarget>(ts: readonly T[]) => ts.filter(t => cols[t] >= 0)
  const stamps = present(STAMPS)
  const singles = present([...DURATIONS, 'priority', 'channel', 'reopen_count', 'satisfaction', ...TEXTS] as const)
  const triple = (['is_fault', 'category', 'fault_type'] as const).map(t => key(t) ?? `''`)
  const hasFault = triple.some(k => k !== `''`)
  const sets: KeySet[] = [
    ...stamps.map(t => ({ name: t, keys: [['k', `CASE WHEN ${residualDateSql(key(t)!)} THEN ${key(t)} END`]] as [string, string][] })),
    ...singles.map(t => ({ name: t, keys: [['k', key(t)!]] as [string, string][] })),
    ...(hasFault ? [{ name: 'fault', keys: [['flag', triple[0]!], ['category', triple[1]!], ['type', triple[2]!]] as [string, string][] }] : []),
  ]
  const of = await keySets(engine, p, sets)
  const texts = (r: Record<string, string>[]) => r.map(x => x.k ?? '')
  const dates = (t: MappingTarget) => `SELECT k FROM (${of(t)}) WHERE k IS NOT NULL`
  await lookup(engine, lookupTable(p, 'dates'), stamps.map(dates).join(' UNION '), r => dateLookup(texts(r), dateOpts))
  // Each timestamp column joins only its own texts: a smaller hash table per join (the texts were parsed once).
  for (const t of stamps) {
    await engine.exec(`CREATE TEMP TABLE ${lookupTable(p, `dates_${t}`)} AS SELECT * FROM ${lookupTable(p, 'dates')} WHERE k IN (${dates(t)})`)
  }
  await engine.exec(`DROP TABLE ${lookupTable(p, 'dates')}`)
  const by: Partial<Record<MappingTarget, (t: string[]) => LookupTable>> = {
    priority: priorityLookup, channel: channelLookup, reopen_count: reopenLookup,
    satisfaction: t => satisfactionLookup(t, decimalComma.has(cols.satisfaction)),
  }
  for (const t of DURATIONS) by[t] = ts => durationLookup(ts, plan.units[t] ?? DURATION_UNITS[t], decimalComma.has(cols[t]))
  for (const t of singles) if (by[t]) await lookup(engine, lookupTable(p, t), of(t), r => by[t]!(texts(r)))
  if (hasFault) await lookup(engine, lookupTable(p, 'fault'), of('fault'), r => faultLookup(r.map(x => [x.flag ?? '', x.category ?? '', x.type ?? ''])))
  const looked = new Set<TextTarget>()
  const textSets = present(TEXTS)
  if (textSets.length) {
    const [counts] = await engine.query<Record<string, number>>(`SELECT ${textSets.map(t => `count(*) FILTER (WHERE g_${t} = 0)::DOUBLE AS ${t}`).join(', ')} FROM ${p}_keys`)
    for (const t of textSets) {
      if ((counts?.[t] ?? Infinity) > MAX_TEXT_LOOKUP) continue
      await lookup(engine, lookupTable(p, t), of(t), r => textLookup(texts(r)))
      looked.add(t)
    }
  }
  await engine.exec(`DROP TABLE ${p}_keys`)
  return looked
}

/** The contract's per-column scale from the accepted rows' satisfaction numbers. */
export async function satisfactionScale(engine: Engine, table: string) {
  const [s] = await engine.query<{ count: number, min: number | null, max: number | null, integers: boolean | null }>(
    `SELECT count(*)::DOUBLE AS count, min(sat_n) AS min, max(sat_n) AS max, bool_and(sat_n = floor(sat_n)) AS integers `
    + `FROM ${table} WHERE reason IS NULL AND sat_n IS NOT NULL`)
  return satisfactionScaleOf({ count: s?.count ?? 0, min: s?.min ?? Infinity, max: s?.max ?? -Infinity, integers: s?.integers !== false })
}

/** A lookup column of the accepted rows' raw cells of a target, for the warnings' examples. */
interface ExampleText { target: MappingTarget, column: string }

/** Count and first three (text, row) of the accepted rows matching `where`. */
async function examples(engine: Engine, p: string, table: string, cols: Columns, where: string, text: ExampleText) {
  const cond = `FROM ${table} WHERE reason IS NULL AND ${where}`
  const [c] = await engine.query<{ n: number, first: number | null }>(`SELECT count(*)::DOUBLE AS n, min(row_no) AS first ${cond}`)
  const count = c?.n ?? 0
  if (count === 0) return { count, first: Infinity, rows: [] }
  const rows = await engine.query<{ row_no: number, t: string }>(`SELECT e.row_no, l.${text.column} AS t FROM (SELECT row_no ${cond} ORDER BY row_no LIMIT 3) e `
    + `JOIN ${p}_rows r ON r.row_no = e.row_no JOIN ${lookupTable(p, text.target)} l ON l.k = ${rawKey(cols, text.target)} ORDER BY e.row_no`)
  return { count, first: c?.first ?? Infinity, rows: rows.map(r => [r.t, r.row_no] as const) }
}

/** The import report's warnings, in the order and wording of ticket-mapper.ts. */
export async function warningsOf(engine: Engine, p: string, table: string, cols: Columns, decimalComma: ReadonlySet<number>, scale: string | null): Promise<string[]> {
  const w = new Warnings()
  const reopen = cols.reopen_count >= 0 ? await examples(engine, p, table, cols, 'reopen_count IS NULL', { target: 'reopen_count', column: 't' }) : null
  const sat = cols.satisfaction >= 0
  const labels = sat ? await examples(engine, p, table, cols, 'sat_warn', { target: 'satisfaction', column: 't' }) : null
  const numbers = sat ? await examples(engine, p, table, cols, `sat_n IS NOT NULL AND (${scaledSql('sat_n', scale)}) IS NULL`, { target: 'satisfaction', column: 'shown' }) : null
  const addLabels = () => {
    if (labels?.count) w.addCounted('satisfaction', labels.count, labels.rows.map(([t, r]) => [numberText(t, decimalComma.has(cols.satisfaction)), r]))
  }
  if (labels?.count && (!reopen?.count || labels.first < reopen.first)) addLabels()
  if (reopen?.count) w.addCounted('reopen_count', reopen.count, reopen.rows)
  if (!(labels?.count && (!reopen?.count || labels.first < reopen.first))) addLabels()
  if (numbers?.count) w.addCounted('satisfaction', numbers.count, numbers.rows)
  return w.list()
}
