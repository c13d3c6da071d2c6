import type { Filters } from '../core/filters'
import type { KpiReport } from '../core/report-types'
import type { WallExtras } from '../core/wall-types'
import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import { addMonths } from '../i18n/dates'
import { useDatasetStore } from './dataset'
import { useFiltersStore } from './filters'

export const DEBOUNCE_MS = 180
/** Trend charts show the twelve months up to the end of the selected range. */
export const TREND_MONTHS = 12

export function trendFilters(f: Filters): Filters {
  return f.to ? { ...f, from: addMonths(f.to, -(TREND_MONTHS - 1)), to: f.to } : f
}

/**
 * The numbers on the wall. Every filter change recomputes in SQL (backend.report +
 * backend.extras); rapid changes are debounced and a late answer to an older
 * request is dropped, so the wall never shows a stale mix.
 */
export const useReportStore = defineStore('report', () => {
  const dataset = useDatasetStore()
  const filters = useFiltersStore()
  const report = shallowRef<KpiReport | null>(null)
  const trend = shallowRef<KpiReport | null>(null)
  const extras = shallowRef<WallExtras | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let seq = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  async function compute(): Promise<void> {
    const b = dataset.backend
    if (!b) return
    const id = ++seq
    const f = filters.effective
    loading.value = true
    try {
      const tf = trendFilters(f)
      const same = tf.from === f.from && tf.to === f.to
      const [r, x, t] = await Promise.all([b.report(f), b.extras(f), same ? null : b.report(tf)])
      if (id !== seq) return
      report.value = r
      extras.value = x
      trend.value = t ?? r
      error.value = null
    }
    catch (e) {
      if (id === seq) error.value = e instanceof Error ? e.message : String(e)
    }
    finally {
      if (id === seq) loading.value = false
    }
  }

  function schedule(delay = DEBOUNCE_MS): void {
    clearTimeout(timer)
    timer = setTimeout(() => void compute(), delay)
  }

  watch(() => [dataset.version, JSON.stringify(filters.effective)], () => schedule())

  return { report, trend, extras, loading, error, compute, schedule }
})
