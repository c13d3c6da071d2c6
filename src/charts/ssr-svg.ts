import type { EChartsOption } from 'echarts'
import { echarts } from './setup'

/**
 * An ECharts option drawn once as an SVG string (server-side rendering mode: no DOM, no
 * canvas). The CLI's HTML report and the wall's report page use the same string, so the
 * printed chart is the same on both and scales with the page (it has a viewBox).
 */
export function optionToSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({ ...option, animation: false })
    return chart.renderToSVGString()
  }
  finally {
    chart.dispose()
  }
}
