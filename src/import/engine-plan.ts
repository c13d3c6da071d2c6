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
import { channelLookup, dateLookup, durationLookup, faultLookup, numberText, priorityLookup, reopenLookup, satisfactionLookup } from '../core/import-lookups'
import { satisfactionScaleOf } from '../core/normalize'
import { YEAR_LAST } from '../core/plan-columns'
import { cellCol, cleanCell, jsTrim } from '../core/sql/import-cells'
import { dayFirstEvidenceSql, residualDateSql } from '../core/sql/import-dates'
import { scaledSql } from '../core/sql/import-map'
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

const DURATIONS: [MappingTarget, DurationUnit][] = [
  ['first_response_min', 'min'], ['first_response_hours', 'hours'], ['resolution_min', 'min'], ['resolution_hours', 'hours'],
]

async function distinct(engine: Engine, sql: string): Promise<string[]> {
  return (await engine.query<{ v: string }>(sql)).map(r => r.v)
}

async function put(engine: Engine, table: string, t: LookupTable): Promise<void> {
  await engine.insertArrowIPC(table, lookupToArrowIPC(t), true)
}

/** Every lookup table the per-row SQL joins, from the distinct cleaned texts of the data table. */
export async function loadLookups(engine: Engine, p: string, plan: ColumnPlan, dateOpts: DateParseOptions): Promise<void> {
  const { cols, decimalComma } = plan
  const of = (t: MappingTarget) => distinct(engine, `SELECT DISTINCT f_${t} AS v FROM ${p}_data`)
  const stamps = ['created_at', 'first_response_at', 'resolved_at', 'recovered_at'].map(t => `SELECT f_${t} AS v FROM ${p}_data`)
  await put(engine, `${p}_dt`, dateLookup(await distinct(engine, `SELECT DISTINCT v FROM (${stamps.join(' UNION ALL ')}) WHERE ${residualDateSql('v')}`), dateOpts))
  await engine.exec(`CREATE TEMP TABLE ${p}_dur (tgt VARCHAR, t VARCHAR, minutes DOUBLE, shown VARCHAR)`)
  for (const [t, unit] of DURATIONS) {
    if (cols[t] < 0) continue
    await put(engine, `${p}_lookup`, durationLookup(await of(t), plan.units[t as keyof ColumnPlan['units']] ?? unit, decimalComma.has(cols[t])))
    await engine.exec(`INSERT INTO ${p}_dur SELECT '${t}', t, minutes, shown FROM ${p}_lookup`)
    await engine.exec(`DROP TABLE ${p}_lookup`)
  }
  await put(engine, `${p}_pri`, priorityLookup(await of('priority')))
  await put(engine, `${p}_chan`, channelLookup(await of('channel')))
  await put(engine, `${p}_reopen`, reopenLookup(await of('reopen_count')))
  await put(engine, `${p}_sat`, satisfactionLookup(await of('satisfaction'), decimalComma.has(cols.satisfaction)))
  const triples = await engine.query<{ a: string, b: string, c: string }>(`SELECT DISTINCT f_is_fault AS a, f_category AS b, f_fault_type AS c FROM ${p}_data`)
  await put(engine, `${p}_fault`, faultLookup(triples.map(r => [r.a, r.b, r.c])))
}

/** The contract's per-column scale from the accepted rows' satisfaction numbers. */
export async function satisfactionScale(engine: Engine, p: string) {
  const [s] = await engine.query<{ count: number, min: number | null, max: number | null, integers: boolean | null }>(
    `SELECT count(*)::DOUBLE AS count, min(sat_n) AS min, max(sat_n) AS max, bool_and(sat_n = floor(sat_n)) AS integers `
    + `FROM ${p}_eval WHERE reason IS NULL AND sat_kind = 'num'`)
  return satisfactionScaleOf({ count: s?.count ?? 0, min: s?.min ?? Infinity, max: s?.max ?? -Infinity, integers: s?.integers !== false })
}

/** Count and first three (text, row) of the accepted rows matching `where`. */
async function examples(engine: Engine, p: string, where: string, text: string) {
  const rows = await engine.query<{ n: number, row_no: number, t: string }>(
    `SELECT count(*) OVER ()::DOUBLE AS n, row_no, ${text} AS t FROM ${p}_eval WHERE reason IS NULL AND ${where} ORDER BY row_no LIMIT 3`)
  return { count: rows[0]?.n ?? 0, first: rows[0]?.row_no ?? Infinity, rows: rows.map(r => [r.t, r.row_no] as const) }
}

/** The import report's warnings, in the order and wording of ticket-mapper.ts. */
export async function warningsOf(engine: Engine, p: string, cols: Columns, decimalComma: ReadonlySet<number>, scale: string | null): Promise<string[]> {
  const w = new Warnings()
  const reopen = cols.reopen_count >= 0 ? await examples(engine, p, 'reopen IS NULL', 'f_reopen_count') : null
  const sat = cols.satisfaction >= 0
  const labels = sat ? await examples(engine, p, `sat_kind = 'warn'`, 'f_satisfaction') : null
  const numbers = sat ? await examples(engine, p, `sat_kind = 'num' AND (${scaledSql('sat_n', scale)}) IS NULL`, 'sat_shown') : null
  const addLabels = () => {
    if (labels?.count) w.addCounted('satisfaction', labels.count, labels.rows.map(([t, r]) => [numberText(t, decimalComma.has(cols.satisfaction)), r]))
  }
  if (labels?.count && (!reopen?.count || labels.first < reopen.first)) addLabels()
  if (reopen?.count) w.addCounted('reopen_count', reopen.count, reopen.rows)
  if (!(labels?.count && (!reopen?.count || labels.first < reopen.first))) addLabels()
  if (numbers?.count) w.addCounted('satisfaction', numbers.count, numbers.rows)
  return w.list()
}
