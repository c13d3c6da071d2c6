import type { EChartsOption } from 'echarts'
import type { BacklogDay, VendorRow } from '../core/report-types'
import type { ChartContext, ChartSpec } from './base'
import { formatDay } from '../i18n/dates'
import { formatCount, formatDuration, formatDurationTick } from '../i18n/format'
import { durationScale, legend, refLines, tipList, tooltip, tr, valueOrWhy } from './base'
import { tooltipHtml } from './escape'
import { gradeRefs } from './grade-refs'
import { GRADE_COLORS, INK } from './theme'

/** Fault recovery per vendor: average (coloured by its grade) and P90, against the grade anchors. */
export function recoverySpec(vendors: readonly VendorRow[], ctx: ChartContext): ChartSpec {
  const names = vendors.map(v => v.vendor)
  const refs = gradeRefs('recovery_avg_min', l => tr(ctx, `grade.${l}`), ['excellent', 'common', 'poor'])
  // Anchor labels too close together on this scale would print over each other: keep the line, drop the text.
  const max = Math.max(1, ...vendors.map(v => v.recovery_p90_min ?? v.recovery_avg_min ?? 0))
  const spaced = refs.map((r, i) => (i > 0 && (r.value - refs[i - 1]!.value) / max < 0.12 ? { ...r, label: '' } : r)).filter(r => r.value <= max * 1.1)
  const label = (color: string) => ({ show: true, position: 'right' as const, color, fontSize: 15, fontWeight: 600,
    formatter: (p: { value: unknown }) => formatDuration(ctx.locale, p.value as number | null) })
  const option: EChartsOption = {
    legend: legend([tr(ctx, 'resolution.avg'), 'P90']),
    grid: { left: 8, right: 84, top: 72, bottom: 8, containLabel: true },
    tooltip: tooltip('axis', (p: unknown) => {
      const v = vendors[tipList(p)[0]?.dataIndex ?? 0]
      return v
        ? tooltipHtml(v.vendor, [
            { name: tr(ctx, 'resolution.avg'), value: valueOrWhy(ctx, formatDuration(ctx.locale, v.recovery_avg_min), v.recovery_avg_min, v.vendor, 'recovery_avg_min'), color: GRADE_COLORS[v.grades.recovery_avg_min ?? 'common'] },
            { name: 'P90', value: formatDuration(ctx.locale, v.recovery_p90_min), color: INK.muted },
          ])
        : ''
    }, { axisPointer: { type: 'shadow' } }),
    xAxis: { type: 'value', ...durationScale(vendors.map(v => v.recovery_p90_min ?? v.recovery_avg_min), 4), axisLabel: { formatter: (x: number) => formatDurationTick(ctx.locale, x) } },
    yAxis: { type: 'category', inverse: true, data: names, triggerEvent: true, axisLabel: { fontSize: 17, color: INK.text, width: 150, overflow: 'truncate' } },
    series: [
      { type: 'bar', name: tr(ctx, 'resolution.avg'), barWidth: '32%', barGap: '20%', color: GRADE_COLORS.common,
        data: vendors.map(v => ({ value: v.recovery_avg_min, itemStyle: { color: v.grades.recovery_avg_min ? GRADE_COLORS[v.grades.recovery_avg_min] : INK.faint, borderRadius: [0, 3, 3, 0] } })),
        label: label(INK.text), markLine: refLines(spaced, 'xAxis', 'start') },
      { type: 'bar', name: 'P90', barWidth: '32%', color: '#3b4d6e', itemStyle: { borderRadius: [0, 3, 3, 0] }, data: vendors.map(v => v.recovery_p90_min), label: label(INK.muted) },
    ],
  }
  return { option, click: { category: { kind: 'vendor', values: names, axis: 'y' } } }
}

/** Created and resolved per day (bars) and the open backlog (line, right axis). */
export function backlogSpec(days: readonly BacklogDay[], ctx: ChartContext): ChartSpec {
  const names = [tr(ctx, 'resolution.created'), tr(ctx, 'resolution.resolved'), tr(ctx, 'resolution.backlogLine')]
  const option: EChartsOption = {
    legend: legend(names),
    grid: { left: 8, right: 8, top: 52, bottom: 8, containLabel: true },
    tooltip: tooltip('axis', (p: unknown) => {
      const list = tipList(p)
      const d = days[list[0]?.dataIndex ?? 0]
      return d ? tooltipHtml(formatDay(ctx.locale, d.day), list.map(q => ({ color: q.color, name: q.seriesName, value: formatCount(ctx.locale, q.value as number) }))) : ''
    }),
    xAxis: { type: 'category', data: days.map(d => d.day), axisLabel: { formatter: (d: string) => formatDay(ctx.locale, d), hideOverlap: true } },
    yAxis: [
      { type: 'value', axisLabel: { formatter: (v: number) => formatCount(ctx.locale, v) } },
      { type: 'value', splitLine: { show: false }, axisLabel: { formatter: (v: number) => formatCount(ctx.locale, v) } },
    ],
    series: [
      { type: 'bar', name: names[0], color: '#4a86e8', barGap: '10%', barCategoryGap: '30%', data: days.map(d => d.created) },
      { type: 'bar', name: names[1], color: GRADE_COLORS.excellent, data: days.map(d => d.resolved) },
      { type: 'line', name: names[2], yAxisIndex: 1, color: GRADE_COLORS.below, symbol: 'none', smooth: 0.2, lineStyle: { width: 3 },
        areaStyle: { color: 'rgba(245, 165, 36, 0.10)' }, data: days.map(d => d.backlog) },
    ],
  }
  return { option, click: { category: { kind: 'month', values: days.map(d => d.day.slice(0, 7)), axis: 'x' } } }
}
