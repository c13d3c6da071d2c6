import type { EChartsOption, TooltipComponentOption } from 'echarts'
import type { Locale, MessageKey } from '../i18n'
import { formatMonth } from '../i18n/dates'
import { translate } from '../i18n'
import { FONT, INK } from './theme'

/** Filters a click can set. */
export type FilterKind = 'vendor' | 'month' | 'priority' | 'channel' | 'category'

/**
 * How a click on a chart maps to a filter: the raw value behind each category
 * (by data index) and behind each series (by series index). Raw values never
 * travel through display labels.
 */
export interface ClickMap {
  category?: { kind: FilterKind, values: readonly string[], axis: 'x' | 'y' }
  series?: { kind: FilterKind, values: readonly (string | null)[] }
}

export interface ChartSpec {
  option: EChartsOption
  click?: ClickMap
}

export interface ChartContext {
  locale: Locale
  vendorColor: (vendor: string) => string
  /** The selected month range, highlighted on month axes. */
  range?: { from: string, to: string } | null
  /** Why a vendor's KPI is NULL (vendor null: all vendors), for tooltips of "—" points. */
  why?: (vendor: string | null, kpi: string) => string
}

/** A tooltip value: the formatted number, or "—" with the reason it has none. */
export function valueOrWhy(ctx: ChartContext, text: string, value: number | null | undefined, vendor: string | null, kpi: string): string {
  if (value !== null && value !== undefined) return text
  const why = ctx.why?.(vendor, kpi)
  return why ? `${text} · ${why}` : text
}

export function tr(ctx: ChartContext, key: MessageKey, params?: Record<string, string | number>): string {
  return translate(ctx.locale, key, params)
}

/** Tooltips are HTML in ECharts: the formatter must build them with tooltipHtml (escaped). */
export function tooltip(trigger: 'item' | 'axis', formatter: (p: unknown) => string, extra: TooltipComponentOption = {}): TooltipComponentOption {
  return {
    confine: true,
    backgroundColor: INK.tooltip,
    borderColor: INK.axis,
    borderWidth: 1,
    padding: [10, 14],
    textStyle: { color: INK.text, fontFamily: FONT, fontSize: 16 },
    extraCssText: 'box-shadow: 0 8px 24px rgba(0,0,0,.5); border-radius: 6px;',
    trigger,
    formatter,
    ...extra,
  }
}

export function legend(items?: string[], extra: Record<string, unknown> = {}): EChartsOption['legend'] {
  return { top: 0, left: 0, itemWidth: 14, itemHeight: 14, itemGap: 20, icon: 'roundRect', ...(items ? { data: items } : {}), ...extra }
}

export function monthAxis(ctx: ChartContext, months: readonly string[], extra: Record<string, unknown> = {}) {
  return {
    type: 'category' as const,
    data: [...months],
    triggerEvent: true,
    boundaryGap: false,
    axisLabel: { formatter: (m: string) => formatMonth(ctx.locale, m, 'short') },
    ...extra,
  }
}

/** A shaded band over the selected months, set on the first series of a month axis. */
export function rangeArea(ctx: ChartContext, months: readonly string[]) {
  const r = ctx.range
  if (!r || !months.includes(r.from) || !months.includes(r.to) || (r.from === months[0] && r.to === months.at(-1))) return undefined
  return {
    silent: true,
    itemStyle: { color: 'rgba(63, 182, 255, 0.08)', borderColor: 'rgba(63, 182, 255, 0.35)', borderWidth: 1, borderType: 'dashed' as const },
    data: [[{ xAxis: r.from }, { xAxis: r.to }] as [{ xAxis: string }, { xAxis: string }]],
  }
}

/** Distinct months of rows, sorted. */
export function monthsOf(rows: readonly { month: string }[]): string[] {
  return [...new Set(rows.map(r => r.month))].sort()
}

/** Dashed reference lines (grade anchors) on a value axis. */
export function refLines(lines: readonly { value: number, label: string, color: string }[], axis: 'xAxis' | 'yAxis' = 'yAxis', labelAt: 'insideStartTop' | 'start' | 'end' = axis === 'yAxis' ? 'insideStartTop' : 'end') {
  return {
    silent: true,
    symbol: 'none',
    data: lines.map(l => ({
      [axis]: l.value,
      lineStyle: { color: l.color, type: 'dashed' as const, width: 1.5, opacity: 0.75 },
      label: { show: l.label !== '', formatter: l.label, color: l.color, fontSize: 14, position: labelAt },
    })),
  }
}

/** The fields of ECharts' tooltip callback params the builders read. */
export interface TipParam {
  dataIndex: number
  seriesIndex: number
  seriesName: string
  color: string
  value: unknown
  name: string
}

export function tipList(p: unknown): TipParam[] {
  return (Array.isArray(p) ? p : [p]) as TipParam[]
}

const DURATION_STEPS = [1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320, 7200, 10080, 14400, 20160, 43200]

/** Interval and top of a duration axis, so the last tick is a round one too. */
export function durationScale(values: readonly (number | null | undefined)[], ticks = 5): { interval?: number, max?: (e: { max: number }) => number } {
  const interval = durationInterval(values, ticks)
  return interval ? { interval, max: e => Math.ceil(e.max / interval) * interval } : {}
}

/** A tick step in minutes that lands on whole minutes, hours or days (never "16.7 小时"). */
export function durationInterval(values: readonly (number | null | undefined)[], ticks = 5): number | undefined {
  const max = Math.max(0, ...values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)))
  if (max <= 0) return undefined
  return DURATION_STEPS.find(s => max / s <= ticks) ?? Math.ceil(max / ticks / 43200) * 43200
}
