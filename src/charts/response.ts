import type { EChartsOption } from 'echarts'
import type { PriorityRow, VendorMonthRow } from '../core/report-types'
import type { WallExtras } from '../core/wall-types'
import type { ChartContext, ChartSpec } from './base'
import type { MessageKey } from '../i18n'
import { RESPONSE_BUCKETS_MIN } from '../core/wall-types'
import { DEFAULT_CONFIG } from '../core/config'
import { translateOr } from '../i18n'
import { formatMonth } from '../i18n/dates'
import { formatCount, formatDuration, formatDurationTick, formatRate } from '../i18n/format'
import { durationScale, legend, monthAxis, monthsOf, rangeArea, tipList, tooltip, tr } from './base'
import { tooltipHtml } from './escape'
import { BUCKET_COLORS, GRADE_COLORS, INK } from './theme'

const BUCKETS = RESPONSE_BUCKETS_MIN.length + 1

/** Share of each vendor's responded tickets per response-time bucket: 100 % stacked bars. */
export function responseHistSpec(hist: WallExtras['response_hist'], vendors: readonly string[], ctx: ChartContext): ChartSpec {
  const counts = vendors.map(v => Array.from({ length: BUCKETS }, (_, b) => hist.find(h => h.vendor === v && h.bucket === b)?.n ?? 0))
  const totals = counts.map(c => c.reduce((s, x) => s + x, 0))
  const names = Array.from({ length: BUCKETS }, (_, b) => tr(ctx, `response.bucket.${b}` as MessageKey))
  const option: EChartsOption = {
    legend: legend(names, { itemGap: 14, textStyle: { fontSize: 14 } }),
    grid: { left: 8, right: 24, top: 44, bottom: 8, containLabel: true },
    tooltip: tooltip('item', (p: unknown) => {
      const q = tipList(p)[0]!
      const n = counts[q.dataIndex]?.[q.seriesIndex] ?? 0
      return tooltipHtml(vendors[q.dataIndex] ?? '', [{ color: q.color, name: q.seriesName, value: `${formatCount(ctx.locale, n)} · ${formatRate(ctx.locale, totals[q.dataIndex] ? n / totals[q.dataIndex]! : null)}` }])
    }),
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: [...vendors], triggerEvent: true, axisLabel: { fontSize: 17, color: INK.text, width: 150, overflow: 'truncate' } },
    series: names.map((name, b) => ({
      type: 'bar' as const, name, stack: 'share', barWidth: '58%', barMaxWidth: 56,
      itemStyle: { color: BUCKET_COLORS[b] },
      label: { show: true, color: '#08111f', fontSize: 13, fontWeight: 600, formatter: (p: { value: unknown }) => (Number(p.value) >= 9 ? `${Math.round(Number(p.value))}%` : '') },
      data: counts.map((c, i) => (totals[i] ? (c[b] ?? 0) / totals[i]! * 100 : 0)),
    })),
  }
  return { option, click: { category: { kind: 'vendor', values: vendors, axis: 'y' } } }
}

/** P50 (left) and P90 (right) of first response, one line per vendor. */
export function responseTrendSpec(rows: readonly VendorMonthRow[], vendors: readonly string[], ctx: ChartContext): ChartSpec {
  const months = monthsOf(rows)
  const val = (v: string, m: string, k: 'first_response_p50_min' | 'first_response_p90_min') => rows.find(r => r.vendor === v && r.month === m)?.[k] ?? null
  const keys = ['first_response_p50_min', 'first_response_p90_min'] as const
  const dur = (x: number) => formatDurationTick(ctx.locale, x)
  const option: EChartsOption = {
    legend: legend([...vendors]),
    grid: [{ left: 8, width: '46%', top: 76, bottom: 8, containLabel: true }, { right: 16, width: '46%', top: 76, bottom: 8, containLabel: true }],
    title: keys.map((k, i) => ({ text: k === 'first_response_p50_min' ? 'P50' : 'P90', left: i ? '52%' : 0, top: 36, textStyle: { color: INK.text, fontSize: 17, fontWeight: 600 } })),
    tooltip: tooltip('axis', (p: unknown) => {
      const list = tipList(p)
      const m = months[list[0]?.dataIndex ?? 0] ?? ''
      return tooltipHtml(formatMonth(ctx.locale, m, 'long'), list.map(q => ({ color: q.color, name: `${q.seriesName} ${q.seriesIndex < vendors.length ? 'P50' : 'P90'}`, value: formatDuration(ctx.locale, q.value as number | null) })))
    }),
    xAxis: keys.map((_, i) => ({ ...monthAxis(ctx, months), gridIndex: i })),
    yAxis: keys.map((k, i) => ({ type: 'value' as const, gridIndex: i, ...durationScale(rows.map(r => r[k])), axisLabel: { formatter: dur } })),
    series: keys.flatMap((k, i) => vendors.map((v, j) => ({
      type: 'line' as const, name: v, xAxisIndex: i, yAxisIndex: i, smooth: 0.25, connectNulls: true,
      color: ctx.vendorColor(v), lineStyle: { width: 3 },
      markArea: j === 0 ? rangeArea(ctx, months) : undefined,
      data: months.map(m => val(v, m, k)),
    }))),
  }
  return { option, click: { category: { kind: 'month', values: months, axis: 'x' }, series: { kind: 'vendor', values: [...vendors, ...vendors] } } }
}

/** SLA attainment per priority (bars, graded colour) with the average first response (line). */
export function slaPrioritySpec(rows: readonly PriorityRow[], ctx: ChartContext): ChartSpec {
  const pr = rows.map(r => r.priority)
  const targets = DEFAULT_CONFIG.slaTargetsMin as Record<string, number>
  const label = (p: string) => translateOr(ctx.locale, `priority.${p}`, p)
  const color = (r: number | null) => (r === null ? INK.faint : r >= 0.95 ? GRADE_COLORS.excellent : r >= 0.85 ? GRADE_COLORS.common : r >= 0.7 ? GRADE_COLORS.below : GRADE_COLORS.poor)
  const option: EChartsOption = {
    legend: legend([tr(ctx, 'kpi.sla_response_rate'), tr(ctx, 'kpi.first_response_avg_min')]),
    grid: { left: 8, right: 8, top: 56, bottom: 8, containLabel: true },
    tooltip: tooltip('axis', (p: unknown) => {
      const r = rows[tipList(p)[0]?.dataIndex ?? 0]
      if (!r) return ''
      const target = targets[r.priority]
      return tooltipHtml(label(r.priority), [
        { name: tr(ctx, 'kpi.sla_response_rate'), value: formatRate(ctx.locale, r.sla_response_rate), color: color(r.sla_response_rate) },
        { name: tr(ctx, 'kpi.first_response_avg_min'), value: formatDuration(ctx.locale, r.first_response_avg_min), color: INK.text },
        ...(target ? [{ name: tr(ctx, 'response.target', { t: '' }).trim(), value: formatDuration(ctx.locale, target) }] : []),
        { name: tr(ctx, 'kpi.tickets'), value: formatCount(ctx.locale, r.tickets) },
      ])
    }),
    xAxis: { type: 'category', data: pr, triggerEvent: true, axisLabel: { interval: 0, fontSize: 16, color: INK.text, lineHeight: 22,
      formatter: (p: string) => `${label(p)}\n{t|${targets[p] ? tr(ctx, 'response.target', { t: formatDuration(ctx.locale, targets[p]) }) : ''}}`,
      rich: { t: { color: INK.muted, fontSize: 14 } } } },
    yAxis: [
      { type: 'value', max: 1, axisLabel: { formatter: (v: number) => formatRate(ctx.locale, v, 0) } },
      { type: 'value', splitLine: { show: false }, ...durationScale(rows.map(r => r.first_response_avg_min), 4), axisLabel: { formatter: (v: number) => formatDurationTick(ctx.locale, v) } },
    ],
    series: [
      { type: 'bar', name: tr(ctx, 'kpi.sla_response_rate'), barWidth: '46%', barMaxWidth: 90, color: GRADE_COLORS.common,
        data: rows.map(r => ({ value: r.sla_response_rate, itemStyle: { color: color(r.sla_response_rate), borderRadius: [4, 4, 0, 0] } })),
        label: { show: true, position: 'insideTop', distance: 6, color: '#08111f', fontSize: 18, fontWeight: 700, formatter: (p: { value: unknown }) => formatRate(ctx.locale, p.value as number | null) } },
      { type: 'line', name: tr(ctx, 'kpi.first_response_avg_min'), yAxisIndex: 1, color: INK.text, symbolSize: 9, lineStyle: { width: 2, type: 'dashed' },
        data: rows.map(r => r.first_response_avg_min) },
    ],
  }
  return { option, click: { category: { kind: 'priority', values: pr, axis: 'x' } } }
}
