import type { EChartsOption } from 'echarts'
import type { KpiKey } from '../core/kpis'
import type { VendorMonthRow } from '../core/report-types'
import type { ChartContext, ChartSpec } from './base'
import { KPI_UNITS } from '../core/kpis'
import { formatMonth } from '../i18n/dates'
import { formatDurationTick, formatKpi, formatNumber, formatRate } from '../i18n/format'
import { durationScale, legend, monthAxis, monthsOf, rangeArea, refLines, tipList, tooltip, valueOrWhy } from './base'
import { tooltipHtml } from './escape'

export interface TrendOptions {
  /** Grade anchors drawn as dashed lines. */
  refs?: { value: number, label: string, color: string }[]
  /** A fixed minimum, or one computed from the data's lowest value. */
  min?: number | ((lowest: number) => number)
  max?: number
}

export function axisFormatter(ctx: ChartContext, key: KpiKey): (v: number) => string {
  switch (KPI_UNITS[key]) {
    case 'rate': return v => formatRate(ctx.locale, v, 0)
    case 'minutes': return v => formatDurationTick(ctx.locale, v)
    case 'score10': return v => formatNumber(ctx.locale, v, 0)
    default: return v => formatNumber(ctx.locale, v, 0)
  }
}

function minOf(f: (lowest: number) => number) {
  return (e: { min: number }) => f(e.min)
}

/** One KPI by month, one line per vendor; months and vendors click through to filters. */
export function vendorTrendSpec(key: KpiKey, rows: readonly VendorMonthRow[], vendors: readonly string[], ctx: ChartContext, opts: TrendOptions = {}): ChartSpec {
  const months = monthsOf(rows)
  const byKey = new Map(rows.map(r => [`${r.vendor}\u0000${r.month}`, r[key]]))
  const option: EChartsOption = {
    legend: legend([...vendors]),
    grid: { left: 8, right: 24, top: 56, bottom: 8, containLabel: true },
    tooltip: tooltip('axis', (p: unknown) => {
      const list = tipList(p)
      const m = months[list[0]?.dataIndex ?? 0] ?? ''
      return tooltipHtml(formatMonth(ctx.locale, m, 'long'), list.map(q => ({ color: q.color, name: q.seriesName, value: valueOrWhy(ctx, formatKpi(ctx.locale, key, q.value as number | null), q.value as number | null, q.seriesName, key) })))
    }),
    xAxis: monthAxis(ctx, months),
    yAxis: { type: 'value', min: typeof opts.min === 'function' ? minOf(opts.min) : opts.min, max: opts.max, ...(KPI_UNITS[key] === 'minutes' ? durationScale(rows.map(r => r[key])) : {}), axisLabel: { formatter: axisFormatter(ctx, key) } },
    series: vendors.map((v, j) => ({
      type: 'line' as const, name: v, smooth: 0.25, connectNulls: true, color: ctx.vendorColor(v),
      markArea: j === 0 ? rangeArea(ctx, months) : undefined,
      markLine: j === 0 && opts.refs?.length ? refLines(opts.refs) : undefined,
      data: months.map(m => byKey.get(`${v}\u0000${m}`) ?? null),
    })),
  }
  return { option, click: { category: { kind: 'month', values: months, axis: 'x' }, series: { kind: 'vendor', values: vendors } } }
}
