import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { useDatasetStore } from '../../src/stores/dataset'
import { useFiltersStore } from '../../src/stores/filters'
import { useImportsStore } from '../../src/stores/imports'
import { DEBOUNCE_MS, useReportStore } from '../../src/stores/report'
import { fakeBackend } from './helpers/backend'

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
  await nextTick()
}

describe('stores', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    localStorage.clear()
  })
  afterEach(() => vi.useRealTimers())

  it('open on the demo data when nothing is loaded, with the latest month as the range', async () => {
    const b = fakeBackend()
    const dataset = useDatasetStore()
    await dataset.start(async () => b)
    expect(b.loadDemo).toHaveBeenCalledOnce()
    expect(dataset.isDemo).toBe(true)
    expect(useFiltersStore().effective).toMatchObject({ from: '2026-11', to: '2026-11' })
  })

  it('debounce rapid filter changes into one recomputation', async () => {
    vi.useFakeTimers()
    const b = fakeBackend()
    await useDatasetStore().start(async () => b)
    const report = useReportStore()
    const filters = useFiltersStore()
    vi.advanceTimersByTime(DEBOUNCE_MS)
    await flush()
    b.reports.length = 0
    filters.setList('vendors', ['A'])
    await nextTick()
    filters.setList('vendors', ['B'])
    await nextTick()
    filters.setList('priorities', ['P1'])
    await nextTick()
    vi.advanceTimersByTime(DEBOUNCE_MS)
    await flush()
    // One report for the range, one for the trend window; both with the last state.
    expect(b.reports).toHaveLength(2)
    expect(b.reports.every(f => f.vendors?.[0] === 'B' && f.priorities?.[0] === 'P1')).toBe(true)
    expect(report.report?.vendors[0]?.vendor).toBe('B')
  })

  it('ignore an answer that arrives after a newer request', async () => {
    const b = fakeBackend()
    await useDatasetStore().start(async () => b)
    const report = useReportStore()
    const filters = useFiltersStore()
    b.hold = true
    filters.setList('vendors', ['A'])
    const first = report.compute()
    filters.setList('vendors', ['B'])
    const second = report.compute()
    b.release()
    await Promise.all([first, second])
    expect(report.report?.vendors[0]?.vendor).toBe('B')
  })

  it('a chart click focuses that vendor or month, a second click lets go', () => {
    const filters = useFiltersStore()
    filters.applyClick({ vendor: 'A', month: '2026-10' })
    expect(filters.lists.vendors).toEqual(['A'])
    expect(filters.range).toEqual({ from: '2026-10', to: '2026-10' })
    filters.applyClick({ vendor: 'A' })
    expect(filters.lists.vendors).toEqual([])
  })

  it('import: ask the vendor when the file has none, replace the demo, then load', async () => {
    const b = fakeBackend({ '金蝶云星辰_服务单.csv': { hasVendorColumn: false, defaultVendor: '金蝶云星辰' } })
    const dataset = useDatasetStore()
    await dataset.start(async () => b)
    const imports = useImportsStore()
    const done = imports.importFiles([new File(['x'], '金蝶云星辰_服务单.csv')])
    await vi.waitFor(() => expect(imports.question?.kind).toBe('vendor'))
    expect(imports.question).toMatchObject({ defaultVendor: '金蝶云星辰' })
    imports.reply('金蝶云星辰')
    await done
    // The demo is replaced by the load itself (one step), not cleared first.
    expect(b.clear).not.toHaveBeenCalled()
    expect(b.load).toHaveBeenCalledWith([expect.objectContaining({ vendor: '金蝶云星辰' })], expect.any(Function), { keep: expect.any(Function), replace: true })
    expect(dataset.importedFiles).toEqual(['金蝶云星辰_服务单.csv'])
    expect(imports.summaryOpen).toBe(true)
    expect(dataset.isDemo).toBe(false)
  })

  it('import: ask a mapping for unknown headers once, then reuse it for the same headers', async () => {
    const odd = { headers: ['单号', '开单'], missing: ['ticket_id', 'created_at'], kind: null, mapping: {} }
    const b = fakeBackend({ 'a.csv': odd, 'b.csv': odd })
    await useDatasetStore().start(async () => b)
    const imports = useImportsStore()
    const first = imports.importFiles([new File(['x'], 'a.csv')])
    await vi.waitFor(() => expect(imports.question?.kind).toBe('mapping'))
    imports.reply({ ticket_id: '单号', created_at: '开单' })
    await first
    await imports.importFiles([new File(['x'], 'b.csv')])
    expect(imports.question).toBeNull()
    expect(b.load).toHaveBeenLastCalledWith([expect.objectContaining({ mapping: { ticket_id: '单号', created_at: '开单' } })], expect.any(Function), { keep: expect.any(Function), replace: false })
  })

  it('import: skipping the dialog skips the file', async () => {
    const b = fakeBackend({ 'c.csv': { hasVendorColumn: false } })
    await useDatasetStore().start(async () => b)
    const imports = useImportsStore()
    const done = imports.importFiles([new File(['x'], 'c.csv')])
    await vi.waitFor(() => expect(imports.question).not.toBeNull())
    imports.reply(null)
    await done
    expect(b.load).not.toHaveBeenCalled()
  })
})
