import type { ImportReport } from '../core/report-types'
import type { FilterOptions } from '../core/wall-types'
import type { KeepImported, LoadProgress, OpenedStorage, PendingFile, StoredEntry, StoredSource, WallBackend } from './backend'
import type { ImportedFile } from '../core/dataset'
import type { Mapping } from '../core/schema'
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { createWallBackend, openStorage } from './backend'
import { loadScorecard } from './settings-storage'
import { useStorageStore } from './storage'

const NO_OPTIONS: FilterOptions = { months: [], vendors: [], priorities: [], channels: [], categories: [] }

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e)
}

export const importSource = (p: PendingFile): StoredSource => ({
  origin: 'import', name: p.file.name, size: p.file.size, lastModified: p.file.lastModified, vendor: p.vendor, mapping: p.mapping,
})

/**
 * The loaded data: the backend handle, what the filters can offer, and the import report.
 * Every change is written to the browser's storage, and a start brings the stored data back.
 */
/**
 * How long after a load the built tables are snapshotted: off the wall's first answer, and after
 * the import's memory has gone (measured at 1 M: the tab holds 3.5 GB for 6–10 s after the drop;
 * an export 2 s after it raised the peak by 0.5 GB).
 */
const SNAPSHOT_DELAY_MS = 10_000
/**
 * How long after the wall has the new data a file the engine imported is written to storage: the
 * wall's queries are asked for DEBOUNCE_MS after it (src/stores/report.ts) and go first; the
 * export out of DuckDB (about 1 s at 1 M tickets) and the write follow them.
 */
const KEEP_DELAY_MS = 250

export const useDatasetStore = defineStore('dataset', () => {
  const storage = useStorageStore()
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

  // The built tables go to storage in the background, one snapshot at a time, a moment after
  // the wall has shown the data (with the quantile buckets made first, where they are used; the export waits its turn behind the wall's queries, and they
  // behind it): the next reload puts them back instead of building them (src/core/snapshot.ts).
  let snapshots: Promise<void> = Promise.resolve()
  function keepSnapshot(): void {
    const b = backend.value
    if (!b?.snapshot || isDemo.value || !storage.entries.length) return
    const of = storage.entries
    snapshots = snapshots.then(async () => {
      await new Promise(resolve => setTimeout(resolve, SNAPSHOT_DELAY_MS))
      if (storage.entries !== of) return // a newer data set came in meanwhile: its own snapshot follows
      // What a wide filter change would otherwise make first is made now, after a reload too
      // (the snapshot does not keep it: src/core/snapshot.ts).
      await b.prepare?.()
      const chunks = await b.snapshot!()
      if (chunks) await storage.keepSnapshot(chunks, of)
    }).catch(() => undefined)
  }

  async function refresh(): Promise<void> {
    const b = backend.value
    if (!b) return
    options.value = await b.options()
    importReport.value = b.importReport()
    version.value++
  }

  async function demo(b: WallBackend): Promise<void> {
    await b.loadDemo()
    isDemo.value = true
  }

  /** Stored data, else the demo, except on a profile that once had real data: that one opens empty. */
  async function start(factory: () => Promise<WallBackend> = createWallBackend, opener: () => Promise<OpenedStorage> = openStorage): Promise<void> {
    try {
      const [b, stored] = await Promise.all([factory(), storage.open(opener)])
      // The saved scorecard before anything loads (its validation errors show in the settings).
      await b.configure(loadScorecard().config)
      backend.value = b
      // The engine came back empty: the stored data set comes back from storage, else the demo, else the wall names what was lost.
      b.setRestorer(async () => (isDemo.value || !storage.entries.length ? null : Promise.all(storage.entries.map(e => storage.read(e)))))
      b.onRestart((info) => {
        if (isDemo.value) void b.loadDemo().then(refresh)
        else {
          if (info.lostFiles.length) lostFiles.value = info.lostFiles
          void refresh()
        }
      })
      if (stored && stored.entries.length) {
        try {
          const [files, snapshot] = await Promise.all([Promise.all(stored.entries.map(e => storage.read(e))), storage.readSnapshot()])
          await b.replace(files, snapshot ?? undefined)
          keepSnapshot()
        }
        catch (e) {
          storage.status = { ...storage.status, reason: 'failed', detail: message(e) }
        }
      }
      else if (stored?.demo || (!stored && !storage.hadData)) await demo(b)
      await refresh()
      status.value = 'ready'
    }
    catch (e) {
      error.value = message(e)
      status.value = 'error'
    }
  }

  // Storage writes in order: a load whose files the engine imported commits after the wall shows
  // them, and every later write of the data set waits for it (it would otherwise be overwritten).
  let storing: Promise<void> = Promise.resolve()
  function afterStoring<T>(job: () => Promise<T>): Promise<T> {
    const run = storing.then(job)
    storing = run.then(() => undefined, () => undefined)
    return run
  }

  /**
   * Appends files and stores them; a demo on screen is replaced. A file with bytes is stored
   * before DuckDB takes them. One the engine imported is written out of its table after the
   * wall has been given the new data (storage.saving meanwhile): its queries go first. The load
   * ends when it is committed, so the import summary means the files are stored.
   */
  async function load(files: PendingFile[], onProgress: (p: LoadProgress) => void): Promise<ImportReport> {
    const b = backend.value!
    await storing
    const wasDemo = isDemo.value
    const slots: (() => Promise<StoredEntry | null>)[] = []
    let later = false
    const keep: KeepImported = async (p, f) => {
      if (typeof f === 'function') {
        later = true
        slots.push(() => f((file, parts) => storage.keep(file, importSource(p), parts)))
        return
      }
      const entry = await storage.keep(f, importSource(p))
      slots.push(async () => entry)
    }
    // The first real file replaces the demo in one step: no empty wall in between.
    const report = await b.load(files, onProgress, { keep, replace: wasDemo })
    isDemo.value = false
    const before = wasDemo ? [] : storage.entries
    const commit = async () => {
      const added: StoredEntry[] = []
      for (const slot of slots) {
        const entry = await slot()
        if (entry) added.push(entry)
      }
      await storage.commit([...before, ...added], false, b.overrides())
    }
    if (!later) await afterStoring(commit)
    await refresh()
    if (later) {
      storage.saving = true
      await afterStoring(async () => {
        await new Promise(resolve => setTimeout(resolve, KEEP_DELAY_MS))
        await commit()
      }).catch((e: unknown) => {
        storage.status = { ...storage.status, reason: 'failed', detail: message(e) }
      }).finally(() => {
        storage.saving = false
      })
    }
    keepSnapshot()
    return report
  }

  /** Replaces the whole data set at once (a refresh): the old data stays on screen until the new is in. */
  async function swap(entries: StoredEntry[], files: ImportedFile[]): Promise<ImportReport> {
    const b = backend.value!
    await storing
    const report = await b.replace(files)
    isDemo.value = false
    await afterStoring(() => storage.commit(entries, false, b.overrides()))
    await refresh()
    keepSnapshot()
    return report
  }

  async function loadDemo(): Promise<void> {
    const b = backend.value
    if (!b) return
    await storing
    await demo(b)
    await afterStoring(() => storage.commit([], true, b.overrides()))
    await refresh()
  }

  async function clear(): Promise<void> {
    const b = backend.value
    if (!b) return
    await storing
    await b.clear()
    isDemo.value = false
    await afterStoring(() => storage.commit([], false, b.overrides()))
    await refresh()
  }

  /**
   * Parses the file at this position again with another column mapping and puts it in its
   * place, in the data set and in storage. Only for files given in this session: the browser
   * keeps a file's tickets, not its original bytes.
   */
  async function remap(index: number, mapping: Mapping): Promise<ImportReport> {
    const b = backend.value!
    await storing
    const src = b.source(index)
    if (!src) throw new Error('the original file is not kept in the browser: drop it again to map its columns')
    const next = { ...src, mapping }
    const parsed = await b.parse(next)
    const entry = await storage.keep(parsed, importSource(next))
    const report = await b.replaceFile(index, next, parsed)
    const entries = [...storage.entries]
    entries[index] = entry
    await afterStoring(() => storage.commit(entries, false, b.overrides()))
    await refresh()
    keepSnapshot()
    return report
  }

  /** True when loading the demo would discard imported data (the wall asks first). */
  const hasRealData = () => !isDemo.value && importReport.value.files.length > 0

  return { backend, status, error, options, importReport, isDemo, version, lostFiles, importedFiles, refresh, start, load, swap, remap, loadDemo, clear, hasRealData, keepSnapshot }
})
