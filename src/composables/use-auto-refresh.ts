import { onScopeDispose, watch } from 'vue'
import { useDatasetStore } from '../stores/dataset'
import { useRefreshStore } from '../stores/refresh'

/** Re-reads the watched source every `intervalSec`, and once as soon as the wall is ready. */
export function useAutoRefresh(): void {
  const refresh = useRefreshStore()
  const dataset = useDatasetStore()
  let timer: ReturnType<typeof setInterval> | undefined
  void refresh.init()
  const stop = watch(
    () => [dataset.status, refresh.source, refresh.intervalSec] as const,
    ([status, source, s]) => {
      clearInterval(timer)
      timer = undefined
      if (status !== 'ready' || !source) return
      void refresh.run()
      timer = setInterval(() => void refresh.run(), s * 1000)
    },
    { immediate: true },
  )
  onScopeDispose(() => {
    stop()
    clearInterval(timer)
  })
}
