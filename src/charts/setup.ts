import { BarChart, HeatmapChart, LineChart, RadarChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, RadarComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components'
import * as echarts from 'echarts/core'
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers'
import { WALL_THEME } from './theme'

// The one place ECharts modules are registered. SVG keeps every chart crisp at any
// CSS scale of the 1920×1080 canvas and lets the browser draw text with the web font.
// The canvas renderer only draws PNG exports (getDataURL), off screen.
echarts.use([BarChart, LineChart, HeatmapChart, RadarChart, GridComponent, LegendComponent, TooltipComponent,
  VisualMapComponent, RadarComponent, TitleComponent, MarkLineComponent, MarkAreaComponent, SVGRenderer, CanvasRenderer])
echarts.registerTheme('wall', WALL_THEME)

export { echarts }
