import type { ComputedRef } from 'vue'
import type { ChartContext } from '../charts/base'
import { computed } from 'vue'
import { vendorColors } from '../charts/theme'
import { useDatasetStore } from '../stores/dataset'
import { useFiltersStore } from '../stores/filters'
import { useSettingsStore } from '../stores/settings'
import { useWhy } from './use-why'

/** What every chart builder needs from the app: language, stable vendor colours, the selected range. */
export function useChartContext(): ComputedRef<ChartContext> {
  const settings = useSettingsStore()
  const dataset = useDatasetStore()
  const filters = useFiltersStore()
  const colorOf = computed(() => vendorColors(dataset.options.vendors))
  const why = useWhy()
  return computed(() => ({ locale: settings.locale, vendorColor: colorOf.value, range: filters.range, why }))
}
