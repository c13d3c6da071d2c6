import type { Filters } from '../core/filters'
import type { KpiReport } from '../core/report-types'
import type { TrendReport } from '../core/wall-batch'
import type { WallExtras } from '../core/wall-types'
import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import { trendFilters } from '../core/wall-batch'
import { useDatasetStore } from './dataset'
import { useFiltersStore } from './filters'

export { TREND_MONTHS, trendFilters } from '../core/wall-batch'

/**
 * How long an idle wall waits after a filter change: one frame, so a burst of changes in
 * the same moment (clearing every filter, keys held on a select) is one recomputation.
 * While a recomputation runs, changes wait for it and only the latest state follows it;
 * no fixed delay in front of every change.
 */
export const DEBOUNCE_MS = 16

/**
 * The numbers on the wall. Every filter change recomputes in SQL, in one batch where the
 * backend offers it (backend.wall: report, trend months and extras), else as backend.report
 * + backend.extras + the trend report; a late answer to an older request is dropped, so the
 * wall never shows a stale mix. DuckDB runs in its worker: the UI thread only waits.
 */
export const useReportStore = defineStore('report', () => {
  const dataset = useDatasetStore()
  const filters = useFiltersStore()
  const report = shallowRef<KpiReport | null>(null)
  const trend = shallowRef<TrendReport | null>(null)
  const extras = shallowRef<WallExtras | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let seq = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let running = 0
  let waiting = false

  async function answer(f: Filters): Promise<{ report: KpiReport, trend: TrendReport, extras: WallExtras } | null> {
    const b = dataset.backend
    if (!b) return null
    if (b.wall) return b.wall(f)
    const tf = trendFilters(f)
    const same = tf.from === f.from && tf.to === f.to
    const [r, x, t] = await Promise.all([b.report(f), b.extras(f), same ? null : b.report(tf)])
    return { report: r, extras: x, trend: t ?? r }
  }

  async function compute(): Promise<void> {
    if (!dataset.backend) return
    const id = ++seq
    loading.value = true
    running++
    try {
      const a = await answer(filters.effective)
      if (id !== seq || !a) return
      report.value = a.report
      extras.value = a.extras
      trend.value = a.trend
      error.value = null
    }
    catch (e) {
      if (id === seq) error.value = e instanceof Error ? e.message : String(e)
    }
    finally {
      running--
      if (id === seq) loading.value = false
      if (running === 0 && waiting) schedule()
    }
  }

  function schedule(delay = DEBOUNCE_MS): void {
    clearTimeout(timer)
    waiting = running > 0
    if (!waiting) timer = setTimeout(() => void compute(), delay)
  }

  watch(() => [dataset.version, JSON.stringify(filters.effective)], () => schedule())

  return { report, trend, extras, loading, error, compute, schedule }
})
