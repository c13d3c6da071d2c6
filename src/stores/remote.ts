import type { RemoteCanonical } from '../import/remote-parquet'
import { defineStore } from 'pinia'
import { ref, shallowRef, watch } from 'vue'
import { latestMonth, NotCanonicalError, selectRowGroups } from '../import/remote-layout'
import { openRemoteCanonical, readRowGroups } from '../import/remote-parquet'
import { useDatasetStore } from './dataset'
import { useFiltersStore } from './filters'

export interface RemoteProgress {
  /** Bytes received so far, and the file's size. */
  bytes: number
  fileBytes: number
  groups: number
  totalGroups: number
  /** The server sent the whole file (no Range support), or the file was an export read whole. */
  whole: boolean
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * A data set at a URL (?data=…). A canonical tickets Parquet file is read by ranges: the
 * row groups the month window needs, and the missing ones when the window widens. Any other
 * file (an export as CSV, XLSX or Parquet) is downloaded whole and goes through the importer.
 * What comes from a URL is not written to the browser's storage: the URL is where it lives.
 */
export const useRemoteStore = defineStore('remote', () => {
  const dataset = useDatasetStore()
  const filters = useFiltersStore()
  const url = ref<string | null>(null)
  const status = ref<'idle' | 'loading' | 'ready' | 'error'>('idle')
  const error = ref<string | null>(null)
  const progress = shallowRef<RemoteProgress | null>(null)
  let remote: RemoteCanonical | null = null
  let requested: string | null = null
  // One fetch at a time: a window change during a fetch waits for it.
  let chain: Promise<unknown> = Promise.resolve()
  const serial = (job: () => Promise<void>) => (chain = chain.then(job, job))

  const recurrenceDays = () => dataset.backend?.overrides().recurrenceDays ?? 30
  const note = (r: RemoteCanonical, whole = r.log.wholeFile) => {
    progress.value = { bytes: r.log.bytes, fileBytes: r.log.byteLength, groups: r.fetched.size, totalGroups: r.metadata.row_groups.length, whole }
  }

  async function openWhole(u: string): Promise<void> {
    const res = await fetch(u)
    if (!res.ok) throw new Error(`HTTP ${res.status}`)
    const blob = await res.blob()
    const name = decodeURIComponent(new URL(u, location.href).pathname.split('/').pop() || 'data')
    await dataset.load([{ file: new File([blob], name) }], () => {})
    progress.value = { bytes: blob.size, fileBytes: blob.size, groups: 0, totalGroups: 0, whole: true }
  }

  function open(u: string): Promise<void> {
    return serial(async () => {
      const b = dataset.backend
      if (!b) return
      status.value = 'loading'
      error.value = null
      try {
        remote = null
        const r = await openRemoteCanonical(new URL(u, location.href).href).catch((e: unknown) => {
          if (e instanceof NotCanonicalError) return null
          throw e
        })
        if (!r) await openWhole(u)
        else {
          const to = filters.to ?? filters.from ?? latestMonth(r.metadata)
          const from = filters.from ?? to
          await b.replace(await readRowGroups(r, selectRowGroups(r.metadata, { from, to, recurrenceDays: recurrenceDays() })))
          dataset.isDemo = false
          await dataset.refresh()
          remote = r
          note(r)
        }
        url.value = u
        status.value = 'ready'
      }
      catch (e) {
        status.value = 'error'
        error.value = message(e)
      }
    })
  }

  /** The row groups the current window needs and no earlier fetch brought. */
  function widen(): Promise<void> {
    return serial(async () => {
      const r = remote
      const range = filters.range
      if (!r || !range || !dataset.backend) return
      const groups = selectRowGroups(r.metadata, { ...range, recurrenceDays: recurrenceDays() }).filter(g => !r.fetched.has(g))
      if (!groups.length) return
      status.value = 'loading'
      try {
        await dataset.backend.append(await readRowGroups(r, groups))
        await dataset.refresh()
        note(r)
        status.value = 'ready'
      }
      catch (e) {
        status.value = 'error'
        error.value = message(e)
      }
    })
  }
  watch(() => [filters.range?.from, filters.range?.to], () => void widen())

  /** The URL's ?data= at start: opened once the engine is ready (openRequested). */
  function request(u: string | null | undefined): void {
    requested = u ?? null
    if (u && u !== url.value && dataset.backend) void open(u)
  }
  const openRequested = () => (requested ? open(requested) : Promise.resolve())

  return { url, status, error, progress, open, request, openRequested }
})
