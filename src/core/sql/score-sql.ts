import type { Anchors, GradedKpi, KpiConfig } from '../config'
import { anchorsOf, ANCHOR_SCORES, DIMENSIONS, GRADED_KPIS, scoredAs } from '../config'
import { dbl, ident, num } from './literal'

/** A number per vendor, the vendor given by its ENUM code (vendor-codes.ts): never a name in SQL. */
export interface VendorValue { code: number, value: number }

/** true when a smaller value is better (response minutes, recurrence). */
function lowerIsBetter(a: Anchors): boolean {
  return a[0] < a[4]
}

function atLeastAsGood(col: string, anchor: number, lower: boolean): string {
  return lower ? `${col} <= ${dbl(anchor)}` : `${col} >= ${dbl(anchor)}`
}

/** Score 0..100: linear between neighbouring anchors, clamped; the ideal anchor wins a tie. */
export function scoreExpr(col: string, a: Anchors): string {
  const lower = lowerIsBetter(a)
  const whens = [`WHEN ${atLeastAsGood(col, a[0], lower)} THEN ${dbl(100)}`]
  for (let i = 0; i < 4; i++) {
    const [x0, x1, s0, s1] = [a[i]!, a[i + 1]!, ANCHOR_SCORES[i]!, ANCHOR_SCORES[i + 1]!]
    if (x0 === x1) continue
    const slope = (s1 - s0) / (x1 - x0)
    whens.push(`WHEN ${atLeastAsGood(col, x1, lower)} THEN ${dbl(s0)} + (${col} - ${dbl(x0)}) * ${dbl(slope)}`)
  }
  return `CASE WHEN ${col} IS NULL THEN NULL ${whens.join(' ')} ELSE ${dbl(0)} END`
}

/** Grade against the excellent, common and poor anchors. */
export function gradeExpr(col: string, a: Anchors): string {
  const lower = lowerIsBetter(a)
  return `CASE WHEN ${col} IS NULL THEN NULL
    WHEN ${atLeastAsGood(col, a[1], lower)} THEN 'excellent'
    WHEN ${atLeastAsGood(col, a[2], lower)} THEN 'common'
    WHEN ${atLeastAsGood(col, a[3], lower)} THEN 'below'
    ELSE 'poor' END`
}

/** Mean of the non-NULL terms, each with a weight; NULL when every term is NULL. */
export function weightedMeanExpr(terms: { col: string, weight: number }[]): string {
  const sum = terms.map(t => `coalesce(${t.col} * ${dbl(t.weight)}, ${dbl(0)})`).join(' + ')
  const weights = terms.map(t => `(CASE WHEN ${t.col} IS NULL THEN ${dbl(0)} ELSE ${dbl(t.weight)} END)`).join(' + ')
  return `(${sum}) / nullif(${weights}, 0)`
}

/** `CASE <codeCol> WHEN code THEN value … END` (NULL for any other vendor, and with no values). */
export function byVendorCode(codeCol: string, values: VendorValue[], scale = 1): string {
  if (!values.length) return 'CAST(NULL AS DOUBLE)'
  return `CASE ${codeCol} ${values.map(v => `WHEN ${num(v.code)} THEN ${dbl(v.value * scale)}`).join(' ')} END`
}

/** Columns score_<kpi> and grade_<kpi> for every graded KPI, from columns named by the KPI keys. */
export function kpiScoreColumns(cfg: KpiConfig): string {
  return GRADED_KPIS.map((k: GradedKpi) => {
    const a = anchorsOf(cfg, k)
    return `${scoreExpr(ident(k), a)} AS ${ident(`score_${k}`)},\n  ${gradeExpr(ident(k), a)} AS ${ident(`grade_${k}`)}`
  }).join(',\n  ')
}

/**
 * Columns dim_<dimension> from score_<kpi> columns (the business-hours variants in place of
 * the plain ones under score_business_hours). external: the vendor's rating × 10, for groups
 * of one vendor; `ratings` by vendor code, the groups' code in column vendor_code.
 */
export function dimensionColumns(cfg: KpiConfig, ratings: VendorValue[] = []): string {
  return DIMENSIONS.map((d) => {
    if (d === 'external') return `CASE WHEN grp IN ('vendor', 'vendor_month') THEN ${byVendorCode('vendor_code', ratings, 10)} END AS ${ident('dim_external')}`
    const terms = cfg.dimensions[d].kpis.map(k => ({ col: ident(`score_${scoredAs(cfg, k)}`), weight: 1 }))
    return `${weightedMeanExpr(terms)} AS ${ident(`dim_${d}`)}`
  }).join(',\n  ')
}

/** The overall score from dim_<dimension> columns. */
export function totalScoreExpr(cfg: KpiConfig): string {
  return weightedMeanExpr(DIMENSIONS.map(d => ({ col: ident(`dim_${d}`), weight: cfg.dimensions[d].weight })))
}
