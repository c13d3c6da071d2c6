/* eslint-disable vue/one-component-per-file -- stand-ins for the pages */
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, effectScope, h, nextTick, ref } from 'vue'
import DemoDialog from '../../src/components/import/DemoDialog.vue'
import { useKiosk } from '../../src/composables/use-kiosk'
import { createI18n, I18N_KEY } from '../../src/i18n'
import { useDatasetStore } from '../../src/stores/dataset'
import { useStorageStore } from '../../src/stores/storage'
import { useImportsStore } from '../../src/stores/imports'
import { PAGES } from '../../src/stores/pages'
import { useReportStore } from '../../src/stores/report'
import PageView from '../../src/views/PageView.vue'
import { fakeBackend } from './helpers/backend'

// The real pages draw ECharts; here each is a stand-in, and the response page throws while it renders.
const { stub } = vi.hoisted(() => ({
  stub: async (id: string) => {
    const { defineComponent, h } = await import('vue')
    return { default: defineComponent({ render: () => h('div', { 'data-page': id }, id) }) }
  },
}))
vi.mock('../../src/views/OverviewPage.vue', () => stub('overview'))
vi.mock('../../src/views/ResponsePage.vue', async () => {
  const { defineComponent } = await import('vue')
  return {
    default: defineComponent({
      setup: () => () => {
        throw new Error('chart option is invalid')
      },
    }),
  }
})
vi.mock('../../src/views/ResolutionPage.vue', () => stub('resolution'))
vi.mock('../../src/views/SatisfactionPage.vue', () => stub('satisfaction'))
vi.mock('../../src/views/ScorecardPage.vue', () => stub('scorecard'))

const i18n = (locale: 'zh' | 'en') => ({ global: { provide: { [I18N_KEY as symbol]: createI18n(ref(locale)) } } })

describe('"Load demo" asks before it replaces imported data', () => {
  it.each([
    ['zh', '用演示数据替换已导入的数据？', '保留我的数据'],
    ['en', 'Replace the imported data with the demo?', 'Keep my data'],
  ] as const)('the dialog in %s names the files and keeps them unless confirmed', async (locale, title, keep) => {
    const w = mount(DemoDialog, { props: { files: ['a.csv', '<b>.xlsx'] }, attachTo: document.body, ...i18n(locale) })
    expect(w.text()).toContain(title)
    expect(w.text()).toContain('<b>.xlsx')
    expect(document.querySelector('b')).toBeNull()
    expect(w.get('[data-testid="demo-keep"]').text()).toBe(keep)
    await w.get('[data-testid="demo-keep"]').trigger('click')
    await w.get('[data-testid="demo-replace"]').trigger('click')
    expect(w.emitted('cancel')).toHaveLength(1)
    expect(w.emitted('confirm')).toHaveLength(1)
    w.unmount()
  })

  it('imported files are what the question is about; the demo itself is not', async () => {
    setActivePinia(createPinia())
    const b = fakeBackend()
    const dataset = useDatasetStore()
    await dataset.start(async () => b)
    expect(dataset.isDemo).toBe(true)
    expect(dataset.importedFiles).toEqual([])
    await useImportsStore().importFiles([new File(['x'], 'V_tickets.csv')])
    expect(dataset.importedFiles).toEqual(['V_tickets.csv'])
  })
})

describe('a restart of the DuckDB worker', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    localStorage.clear()
  })

  it('with imported data: the stored files are what the engine restores', async () => {
    const b = fakeBackend()
    const dataset = useDatasetStore()
    await dataset.start(async () => b)
    await useImportsStore().importFiles([new File(['x'], 'V_tickets.csv')])
    const restorer = (b.setRestorer as unknown as { mock: { calls: [() => Promise<{ report: { file: string } }[] | null>][] } }).mock.calls[0]![0]
    expect((await restorer())?.map(f => f.report.file)).toEqual(['V_tickets.csv'])
    // Restored by the engine: nothing is reported lost.
    b.restart({ lostFiles: [] })
    expect(dataset.lostFiles).toEqual([])
  })

  it('with imported data that nothing stored: the wall names the files to import again', async () => {
    const b = fakeBackend()
    const dataset = useDatasetStore()
    await dataset.start(async () => b)
    await useImportsStore().importFiles([new File(['x'], 'V_tickets.csv')])
    await useStorageStore().commit([], false, {})
    b.restart({ lostFiles: ['V_tickets.csv'] })
    await vi.waitFor(() => expect(dataset.lostFiles).toEqual(['V_tickets.csv']))
  })

  it('with the demo: the demo comes back by itself', async () => {
    const b = fakeBackend()
    const dataset = useDatasetStore()
    await dataset.start(async () => b)
    b.restart({ lostFiles: ['demo.csv'] })
    await vi.waitFor(() => expect(b.loadDemo).toHaveBeenCalledTimes(2))
    expect(dataset.lostFiles).toEqual([])
  })
})

describe('a page that fails', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    vi.useFakeTimers()
  })
  afterEach(() => vi.useRealTimers())

  it('shows its error in its place, and kiosk rotation goes on to the next page', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const page = ref<(typeof PAGES)[number]>('overview')
    const scope = effectScope()
    scope.run(() => useKiosk({ enabled: ref(true), paused: ref(false), intervalSec: ref(10), pages: PAGES, page, keyTarget: new EventTarget() }))
    const w = mount(defineComponent({ setup: () => () => h(PageView, { page: page.value }) }), { ...i18n('en') })
    const shown: string[] = []
    for (let i = 0; i < 3; i++) {
      await nextTick()
      await nextTick()
      shown.push(`${w.get('[data-page]').attributes('data-page')}${w.find('[data-testid="page-error"]').exists() ? ' (error)' : ''}`)
      vi.advanceTimersByTime(10_000)
    }
    expect(shown).toEqual(['overview', 'response (error)', 'resolution'])
    page.value = 'response'
    await nextTick()
    await nextTick()
    expect(w.get('[data-testid="page-error"]').text()).toContain('This page could not be drawn: chart option is invalid')
    w.unmount()
    scope.stop()
  })

  it('a failed query shows its error on the page', async () => {
    const report = useReportStore()
    report.error = 'Table with name tickets does not exist'
    const w = mount(PageView, { props: { page: 'overview' }, ...i18n('zh') })
    await nextTick()
    expect(w.get('[data-testid="page-error"]').text()).toContain('此页无法显示：Table with name tickets does not exist')
    w.unmount()
  })
})
