import type { EChartsOption } from 'echarts'
import type { VendorRow } from '../core/report-types'
import type { ChartContext, ChartSpec } from './base'
import type { MessageKey } from '../i18n'
import { shownDimensions } from '../core/config'
import { formatNumber } from '../i18n/format'
import { legend, tooltip, tr } from './base'
import { tooltipHtml } from './escape'
import { INK } from './theme'

/** The dimensions (0..100; external only where rated) per vendor. A NULL dimension sits at the centre and reads "—". */
export function radarSpec(vendors: readonly VendorRow[], ctx: ChartContext): ChartSpec {
  const names = vendors.map(v => v.vendor)
  const shown = shownDimensions(vendors)
  const dims = shown.map(d => tr(ctx, `dim.${d}` as MessageKey))
  const option: EChartsOption = {
    legend: legend(names, { top: 'auto', bottom: 0, left: 'center' }),
    tooltip: tooltip('item', (p: unknown) => {
      const v = vendors[(p as { dataIndex: number }).dataIndex]
      return v ? tooltipHtml(v.vendor, shown.map((d, i) => ({ name: dims[i] ?? d, value: formatNumber(ctx.locale, v.dimensions[d], 1), color: ctx.vendorColor(v.vendor) }))) : ''
    }),
    radar: {
      center: ['50%', '47%'], radius: '62%', splitNumber: 5, shape: 'polygon',
      indicator: dims.map(name => ({ name, max: 100, min: 0 })),
      axisName: { color: INK.text, fontSize: 17, fontWeight: 600 },
      splitLine: { lineStyle: { color: 'rgba(130, 160, 210, 0.22)' } },
      splitArea: { areaStyle: { color: ['rgba(63,182,255,0.02)', 'rgba(63,182,255,0.05)'] } },
      axisLine: { lineStyle: { color: 'rgba(130, 160, 210, 0.25)' } },
    },
    series: [{
      type: 'radar', symbolSize: 6,
      data: vendors.map(v => ({
        name: v.vendor,
        value: shown.map(d => v.dimensions[d] ?? 0),
        itemStyle: { color: ctx.vendorColor(v.vendor) },
        lineStyle: { width: 2.5, color: ctx.vendorColor(v.vendor) },
        areaStyle: { color: ctx.vendorColor(v.vendor), opacity: 0.08 },
      })),
    }],
  }
  return { option, click: { category: { kind: 'vendor', values: names, axis: 'x' } } }
}
