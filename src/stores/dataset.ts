import type { ImportReport } from '../core/report-types'
import type { FilterOptions } from '../core/wall-types'
import type { WallBackend } from './backend'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { createWallBackend } from './backend'

const NO_OPTIONS: FilterOptions = { months: [], vendors: [], priorities: [], channels: [], categories: [] }

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

/** The loaded data: the backend handle, what the filters can offer, and the import report. */
export const useDatasetStore = defineStore('dataset', () => {
  const backend = shallowRef<WallBackend | null>(null)
  const status = ref<'starting' | 'ready' | 'error'>('starting')
  const error = ref<string | null>(null)
  const options = ref<FilterOptions>(NO_OPTIONS)
  const importReport = shallowRef<ImportReport>({ files: [], rejected: [] })
  /** True while what is loaded is the embedded demo: the first real import replaces it. */
  const isDemo = ref(false)
  /** Bumped after every change of the loaded data, so reports recompute. */
  const version = ref(0)
  /** Files a restart of the DuckDB worker lost (nothing stored them): the wall asks to import them again. */
  const lostFiles = ref<string[]>([])
  /** Imported (not demo) files on the wall: "Load demo" asks before it replaces them. */
  const importedFiles = computed(() => (isDemo.value ? [] : importReport.value.files.filter(f => f.error === null).map(f => f.file)))

  async function refresh(): Promise<void> {
    const b = backend.value
    if (!b) return
    options.value = await b.options()
    importReport.value = b.importReport()
    version.value++
  }

  async function start(factory: () => Promise<WallBackend> = createWallBackend): Promise<void> {
    try {
      const b = await factory()
      backend.value = b
      b.onRestart((info) => {
        if (isDemo.value) void loadDemo()
        else if (info.lostFiles.length) lostFiles.value = info.lostFiles
        void refresh()
      })
      // A fresh page has nothing loaded: open on the demo so the wall is never blank.
      if (b.importReport().files.length === 0) {
        await b.loadDemo()
        isDemo.value = true
      }
      await refresh()
      status.value = 'ready'
    }
    catch (e) {
      error.value = message(e)
      status.value = 'error'
    }
  }

  async function loadDemo(): Promise<void> {
    if (!backend.value) return
    await backend.value.loadDemo()
    isDemo.value = true
    await refresh()
  }

  async function clear(): Promise<void> {
    if (!backend.value) return
    await backend.value.clear()
    isDemo.value = false
    await refresh()
  }

  return { backend, status, error, options, importReport, isDemo, version, lostFiles, importedFiles, refresh, start, loadDemo, clear }
})
