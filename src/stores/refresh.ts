import type { ImportedFile } from '../core/dataset'
import type { ListedFile, WatchSource } from '../composables/refresh-sources'
import type { StoredEntry } from './backend'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { dropHandle, loadHandle, saveHandle } from '../composables/handle-store'
import { recallMapping } from '../composables/mapping-memory'
import { folderSource, urlSource } from '../composables/refresh-sources'
import { useDatasetStore } from './dataset'
import { useStorageStore } from './storage'

const KEY = 'servicewall.refresh'
const HANDLE_KEY = 'watch-folder'
export const DEFAULT_REFRESH_S = 600
export const MIN_REFRESH_S = 2
export const clampRefresh = (s: number) => Math.max(MIN_REFRESH_S, Math.min(86_400, Math.round(Number.isFinite(s) ? s : DEFAULT_REFRESH_S)))

interface Saved { kind: 'url' | 'folder' | null, url: string, intervalSec: number }

function readSaved(): Saved {
  try {
    const o = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Saved>
    return { kind: o.kind === 'url' || o.kind === 'folder' ? o.kind : null, url: typeof o.url === 'string' ? o.url : '/data/', intervalSec: clampRefresh(o.intervalSec ?? DEFAULT_REFRESH_S) }
  }
  catch {
    return { kind: null, url: '/data/', intervalSec: DEFAULT_REFRESH_S }
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * Watches a folder or same-origin URLs and re-reads them every N seconds. Only changed files are
 * parsed again; the new data set is built completely and then swapped in, so the wall keeps the
 * last good data on screen. A file that no longer reads keeps its last good copy and is reported.
 */
export const useRefreshStore = defineStore('refresh', () => {
  const dataset = useDatasetStore()
  const storage = useStorageStore()
  const saved = readSaved()
  const kind = ref(saved.kind)
  const url = ref(saved.url)
  const intervalSec = ref(saved.intervalSec)
  const source = shallowRef<WatchSource | null>(null)
  const lastRefresh = ref<Date | null>(null)
  const lastChanged = ref(0)
  /** Files parsed by refreshes since the page opened: unchanged files are not among them. */
  const parsedTotal = ref(0)
  const error = ref<string | null>(null)
  const needsPermission = ref(false)
  const running = ref(false)
  let folder: FileSystemDirectoryHandle | null = null

  function persist(): void {
    try {
      localStorage.setItem(KEY, JSON.stringify({ kind: kind.value, url: url.value, intervalSec: intervalSec.value } satisfies Saved))
    }
    catch {
      // Private window: the watch lasts the session.
    }
  }

  async function init(): Promise<void> {
    try {
      if (kind.value === 'url') source.value = urlSource(url.value)
      if (kind.value === 'folder') {
        folder = await loadHandle(HANDLE_KEY)
        source.value = folder ? folderSource(folder) : null
      }
    }
    catch (e) {
      error.value = message(e)
    }
  }

  async function watchUrl(u: string): Promise<void> {
    error.value = null
    source.value = urlSource(u)
    kind.value = 'url'
    url.value = u
    persist()
    await run()
  }

  /** Must run from a click: the browser shows its folder picker. */
  async function watchFolder(): Promise<void> {
    const pick = (window as unknown as { showDirectoryPicker?: (o?: object) => Promise<FileSystemDirectoryHandle> }).showDirectoryPicker
    if (!pick) {
      error.value = 'this browser cannot watch a folder (no File System Access API): publish the files under /data/ instead'
      return
    }
    const dir = await pick({ id: 'servicewall-watch', mode: 'read' })
    await saveHandle(HANDLE_KEY, dir).catch(() => undefined)
    folder = dir
    source.value = folderSource(dir)
    kind.value = 'folder'
    persist()
    await run()
  }

  async function stop(): Promise<void> {
    source.value = null
    kind.value = null
    folder = null
    error.value = null
    persist()
    await dropHandle(HANDLE_KEY)
  }

  function setInterval(s: number): void {
    intervalSec.value = clampRefresh(s)
    persist()
  }

  /** A click on "allow": the browser keeps a folder's permission only while it chooses to. */
  async function grant(): Promise<void> {
    const h = folder as unknown as { requestPermission?: (o: object) => Promise<PermissionState> } | null
    if (h?.requestPermission && await h.requestPermission({ mode: 'read' }) === 'granted') await run()
  }

  async function permitted(): Promise<boolean> {
    const h = folder as unknown as { queryPermission?: (o: object) => Promise<PermissionState> } | null
    needsPermission.value = !!h?.queryPermission && await h.queryPermission({ mode: 'read' }) !== 'granted'
    return !needsPermission.value
  }

  async function parse(l: ListedFile & { file: File }): Promise<ImportedFile> {
    const b = dataset.backend!
    const ins = await b.inspect(l.file)
    const mapping = ins.error === null && (ins.kind === null || ins.missing.length > 0) ? recallMapping(ins.headers) ?? undefined : undefined
    return b.parse({ file: l.file, vendor: l.source.vendor, mapping })
  }

  async function run(): Promise<void> {
    const src = source.value
    if (!src || running.value || dataset.status !== 'ready' || !dataset.backend) return
    running.value = true
    try {
      if (src.kind === 'folder' && !await permitted()) throw new Error('the browser needs permission to read the folder again')
      const kept = storage.entries
      const watched = new Map(kept.filter(e => e.source.origin === src.kind).map(e => [e.source.name, e]))
      const listed = await src.list(name => watched.get(name)?.source)
      const problems: string[] = []
      const next: { entry: StoredEntry, file: ImportedFile | null }[] = kept.filter(e => e.source.origin === 'import').map(entry => ({ entry, file: null }))
      let changed = listed.length !== watched.size || listed.some(l => !watched.has(l.source.name))
      for (const l of listed) {
        const prev = watched.get(l.source.name)
        if (!l.file && prev) {
          next.push({ entry: prev, file: null })
          continue
        }
        const f = await parse(l as ListedFile & { file: File })
        parsedTotal.value++
        if (f.report.error && prev) {
          problems.push(`${l.source.name}: ${f.report.error}`)
          next.push({ entry: prev, file: null })
          continue
        }
        changed = true
        next.push({ entry: await storage.keep(f, l.source), file: f })
      }
      if (changed) {
        const files = await Promise.all(next.map(n => n.file ?? storage.read(n.entry)))
        await dataset.swap(next.map(n => n.entry), files)
      }
      lastChanged.value = next.filter(n => n.file).length
      lastRefresh.value = new Date()
      error.value = problems.length ? problems.join('; ') : null
    }
    catch (e) {
      error.value = message(e)
    }
    finally {
      running.value = false
    }
  }

  return { kind, url, intervalSec, source, lastRefresh, lastChanged, parsedTotal, error, needsPermission, running, init, watchUrl, watchFolder, stop, setInterval, grant, run }
})
