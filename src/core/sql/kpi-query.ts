import type { KpiConfig } from '../config'
import type { ResolvedFilters } from './filter-sql'
import type { VendorSettings } from './vendor-codes'
import { CUBE_SUMS, kpiExpressionList, pendingBhCount, pendingCounts } from './aggregates'
import { asOfCumulativeCte, calendarPlan } from './calendar-sql'
import { cubeFor, enumValue, filterCond, monthStart, where } from './filter-sql'
import { dbl } from './literal'
import type { Bounds } from './quantile-buckets'
import type { GroupKind } from './quantiles'
import { groupColumns, groupingSets, sameGroup } from './grouping-sets'
import { GROUP_KINDS, quantileCte, setsOf } from './quantiles'
import { byVendorCode, dimensionColumns, kpiScoreColumns, totalScoreExpr } from './score-sql'
import { DIMENSION_TYPES } from './tickets-table'
import { NO_VENDOR_SETTINGS } from './vendor-codes'


/**
 * training_coverage: distinct people trained ÷ the configured headcount, counting records
 * dated up to the end of the group's month (or of the period): coverage is cumulative. A
 * vendor's groups divide its trainees by its own headcount (else the default); overall and
 * month groups divide everyone trained by the default headcount. NULL without a headcount or
 * without any training record. Each person counts from their first qualifying record
 * (undated: always), so the counts come from two small grouped tables joined to the groups,
 * not from a subquery per group. `w`: the filters over the cube, whose months and vendors are the groups'.
 */
function trainingCoverage(vs: VendorSettings, f: ResolvedFilters, w: string): { ctes: string, expr: string, joins: string } {
  const def = vs.headcountDefault === null ? 'CAST(NULL AS DOUBLE)' : dbl(vs.headcountDefault)
  if (vs.headcountDefault === null && vs.headcount.length === 0) return { ctes: '', expr: 'CAST(NULL AS DOUBLE)', joins: '' }
  const conds = ['person IS NOT NULL']
  if (f.to) conds.push(`(date_ms IS NULL OR date_ms < epoch_ms(${monthStart(f.to)} + INTERVAL 1 MONTH))`)
  const vendors = f.codes.vendor
  if (vendors !== null) {
    // training vendors are entries of the vendor ENUM too (tickets-table.ts)
    conds.push(vendors.length ? `TRY_CAST(vendor AS ${DIMENSION_TYPES.vendor}) IN (${vendors.map(c => enumValue('vendor', c)).join(', ')})` : 'false')
  }
  const monthEnd = (mon: string) => `epoch_ms(${mon}::TIMESTAMP + INTERVAL 1 MONTH)`
  const ctes = `tr AS (
  SELECT vendor, person, min(coalesce(date_ms, -1e300)) AS first_ms FROM training WHERE ${conds.join(' AND ')} GROUP BY vendor, person
), tp AS (SELECT person, min(first_ms) AS first_ms FROM tr GROUP BY person),
tv AS (SELECT vendor, count(*) AS n FROM tr GROUP BY vendor),
tm AS (
  SELECT strftime(m.mon, '%Y-%m') AS month, count(tp.person) AS n
  FROM (SELECT DISTINCT mon FROM ${cubeFor(f)} ${where(w)}) m LEFT JOIN tp ON tp.first_ms < ${monthEnd('m.mon')}
  GROUP BY m.mon
), tvm AS (
  SELECT x.vendor, strftime(x.mon, '%Y-%m') AS month, count(tr.person) AS n
  FROM (SELECT DISTINCT CAST(vendor AS VARCHAR) AS vendor, mon FROM ${cubeFor(f)} ${where(w)}) x
  LEFT JOIN tr ON tr.vendor = x.vendor AND tr.first_ms < ${monthEnd('x.mon')}
  GROUP BY x.vendor, x.mon
),`
  const headcount = `CASE WHEN a.grp IN ('vendor', 'vendor_month') THEN coalesce(${byVendorCode('a.vendor_code', vs.headcount)}, ${def}) ELSE ${def} END`
  const expr = `CASE WHEN EXISTS (SELECT 1 FROM training) THEN (CASE a.grp WHEN 'overall' THEN (SELECT count(*) FROM tp)
    WHEN 'vendor' THEN coalesce(tv.n, 0) WHEN 'month' THEN coalesce(tm.n, 0) WHEN 'vendor_month' THEN coalesce(tvm.n, 0) END)::DOUBLE / ${headcount} END`
  const joins = `LEFT JOIN tv ON a.grp = 'vendor' AND tv.vendor = a.vendor
  LEFT JOIN tm ON a.grp = 'month' AND tm.month = a.month
  LEFT JOIN tvm ON a.grp = 'vendor_month' AND tvm.vendor = a.vendor AND tvm.month = a.month`
  return { ctes, expr, joins }
}

/**
 * Every KPI for every group of the contract (GROUPING SETS), then the scores, grades,
 * dimension scores, the weighted score and the vendor rank, all in SQL. Additive terms
 * are rolled up from the cube (kpi_cube_nc or kpi_cube: not one row per ticket); the exact
 * quantiles read the filtered tickets once for all six grouping sets; unanswered tickets
 * come from `tickets_pending`. The three agree on their groups (same filters, same data).
 * `quantileCaches`: read the quantiles from these cache tables where they serve (quantiles.ts; made first).
 * `part`: only these groups of the report (the wall's trend needs the month-keyed ones), and
 * without scores, grades and rank when `scores` is false (month rows show KPIs only);
 * `buckets`: the bounds of a made quantile cube, for the quantiles no cache serves (quantile-buckets.ts).
 */
export function kpiQuery(cfg: KpiConfig, f: ResolvedFilters, asOfMs: number, quantileCaches: string[] | null = null, vs: VendorSettings = NO_VENDOR_SETTINGS,
  part: { groups?: GroupKind[], scores?: boolean, buckets?: Bounds | null } = {}): string {
  const groups = part.groups ?? GROUP_KINDS
  const w = filterCond(f)
  const sets = setsOf(groups)
  const grouped = `${groupColumns(sets)}`
  const training = trainingCoverage(vs, f, w)
  return `WITH c AS (
  SELECT ${grouped},
    ${CUBE_SUMS}
  FROM ${cubeFor(f)} ${where(w)}
  GROUP BY ${groupingSets(sets)}
), ${quantileCte(f, w, quantileCaches, groups, part.buckets ?? null)}, ${asOfCumulativeCte(calendarPlan(cfg), asOfMs)}, p AS (
  SELECT ${grouped},
    ${pendingCounts(asOfMs)},
    ${pendingBhCount(asOfMs)}
  FROM tickets_pending LEFT JOIN ca USING (cal) ${where(w)}
  GROUP BY ${groupingSets(sets)}
),
agg AS (
  SELECT
    CASE c.gid WHEN 15 THEN 'overall' WHEN 7 THEN 'vendor' WHEN 11 THEN 'month'
      WHEN 3 THEN 'vendor_month' WHEN 13 THEN 'priority' ELSE 'channel' END AS grp,
    CAST(c.vendor AS VARCHAR) AS vendor, enum_code(c.vendor)::INTEGER AS vendor_code, strftime(c.mon, '%Y-%m') AS month,
    CAST(c.priority AS VARCHAR) AS priority, CAST(c.channel AS VARCHAR) AS channel,
  ${kpiExpressionList()}
  FROM c LEFT JOIN q ON ${sameGroup('q', 'c')} LEFT JOIN p ON ${sameGroup('p', 'c')}
),
${training.ctes}
j AS (SELECT a.*, ${training.expr} AS training_coverage FROM agg a ${training.joins})${part.scores === false ? `
SELECT * FROM j ORDER BY grp, vendor, month, priority, channel` : `,
${scoredSelect(cfg, vs)}`}`
}

/** Scores, grades, dimension scores, the weighted score and the vendor rank over CTE `j`. */
function scoredSelect(cfg: KpiConfig, vs: VendorSettings): string {
  return `s AS (SELECT *,
  ${kpiScoreColumns(cfg)}
  FROM j),
d AS (SELECT *,
  ${dimensionColumns(cfg, vs.ratings)}
  FROM s),
t AS (SELECT *, ${totalScoreExpr(cfg)} AS score FROM d)
SELECT *,
  CASE WHEN grp = 'vendor' THEN row_number() OVER (PARTITION BY grp ORDER BY score DESC NULLS LAST, tickets DESC, vendor)::INTEGER END AS rank
FROM t
ORDER BY grp, vendor, month, priority, channel`
}
