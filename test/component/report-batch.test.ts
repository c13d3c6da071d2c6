import type { Filters } from '../../src/core/filters'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { useDatasetStore } from '../../src/stores/dataset'
import { useFiltersStore } from '../../src/stores/filters'
import { DEBOUNCE_MS, useReportStore } from '../../src/stores/report'
import { fakeBackend } from './helpers/backend'
import { report, vendorRow } from './helpers/report'

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
  await nextTick()
}

/** A backend that answers a filter change in one batch (backend.wall), held until released. */
function batchBackend() {
  const b = fakeBackend()
  const calls: Filters[] = []
  let open: (() => void)[] = []
  const answer = (f: Filters) => {
    const r = report([vendorRow(f.vendors?.[0] ?? 'A', 1)], { filters: f })
    return { report: r, trend: { months: r.months, vendor_months: r.vendor_months }, extras: { response_hist: [], heatmap: [], csat_dist: [], channel_mix: [], categories: [] } }
  }
  const wall = vi.fn(async (f: Filters) => {
    calls.push(f)
    await new Promise<void>(r => open.push(r))
    return answer(f)
  })
  const release = () => {
    open.forEach(r => r())
    open = []
  }
  return { backend: Object.assign(b, { wall }), calls, release }
}

describe('report store with a batched backend', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    localStorage.clear()
  })
  afterEach(() => vi.useRealTimers())

  it('one batch per change; changes during a batch wait for it, then only the latest runs', async () => {
    vi.useFakeTimers()
    const { backend, calls, release } = batchBackend()
    await useDatasetStore().start(async () => backend)
    const store = useReportStore()
    const filters = useFiltersStore()
    vi.advanceTimersByTime(DEBOUNCE_MS)
    await flush()
    release()
    await flush()
    calls.length = 0
    filters.setList('vendors', ['A'])
    await nextTick()
    vi.advanceTimersByTime(DEBOUNCE_MS)
    await flush()
    expect(calls.map(f => f.vendors)).toEqual([['A']])
    // two changes while that batch runs: nothing starts until it is answered
    filters.setList('vendors', ['B'])
    await nextTick()
    filters.setList('vendors', ['C'])
    await nextTick()
    vi.advanceTimersByTime(DEBOUNCE_MS * 10)
    await flush()
    expect(calls).toHaveLength(1)
    release()
    await flush()
    vi.advanceTimersByTime(DEBOUNCE_MS)
    await flush()
    expect(calls.map(f => f.vendors)).toEqual([['A'], ['C']])
    release()
    await flush()
    expect(store.report?.vendors[0]?.vendor).toBe('C')
    expect(backend.reports).toHaveLength(0) // never the three separate calls
  })
})
