import type { KeepImported, OpenedStorage, PendingFile, StorableLater } from '../../src/stores/backend'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, reactive } from 'vue'
import { parseDataManifest } from '../../src/composables/refresh-sources'
import { useSavedView } from '../../src/composables/use-saved-view'
import { parseUrlState } from '../../src/composables/use-url-state'
import { MemoryStore } from '../../src/stores/backend'
import { useDatasetStore } from '../../src/stores/dataset'
import { useScorecardStore } from '../../src/stores/scorecard'
import { useStorageStore } from '../../src/stores/storage'
import { mergeConfig } from '../../src/core/config-merge'
import { fakeBackend, parsed } from './helpers/backend'

const owner = (store = new MemoryStore()): (() => Promise<OpenedStorage>) =>
  async () => ({ store, status: { mode: 'owner', reason: null, detail: null, persisted: true } })
const file = (name: string) => ({ file: new File(['x'], name) })

describe('persistence', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    localStorage.clear()
  })

  it('stores imported files and brings them back, in order, instead of the demo, under the saved settings', async () => {
    const store = new MemoryStore()
    const b1 = fakeBackend()
    const ds1 = useDatasetStore()
    await ds1.start(async () => b1, owner(store))
    expect(ds1.isDemo).toBe(true)
    await ds1.load([file('a_1.csv'), file('b_2.csv')], () => {})
    expect(ds1.isDemo).toBe(false)
    expect(useStorageStore().usage).toMatchObject({ files: 2, rows: 4 })

    setActivePinia(createPinia())
    const b2 = fakeBackend()
    const ds2 = useDatasetStore()
    await ds2.start(async () => b2, owner(store))
    expect(b2.loadDemo).not.toHaveBeenCalled()
    expect(b2.replace).toHaveBeenCalledOnce()
    const [files] = (b2.replace as unknown as { mock: { calls: [{ report: { file: string }, ipc: Uint8Array }[]][] } }).mock.calls[0]!
    expect(files.map(f => f.report.file)).toEqual(['a_1.csv', 'b_2.csv'])
    expect(new TextDecoder().decode(files[1]!.ipc)).toBe('b_2.csv')
    // The settings are the settings page's (settings-storage), configured before the data comes back.
    expect(b2.configure).toHaveBeenCalledBefore(b2.replace as never)
    expect(ds2.importReport.files.map(f => f.file)).toEqual(['a_1.csv', 'b_2.csv'])
  })

  it('keeps the built tables a while after a load, and again after a settings change (it may have rebuilt them)', async () => {
    vi.useFakeTimers()
    try {
      const b = { ...fakeBackend(), snapshot: vi.fn(async () => [new Uint8Array([1, 2, 3])]) }
      const ds = useDatasetStore()
      await ds.start(async () => b, owner())
      await ds.load([file('a_1.csv')], () => {})
      expect(b.snapshot).not.toHaveBeenCalled() // not while the wall shows the data
      await vi.advanceTimersByTimeAsync(10_000)
      expect(b.snapshot).toHaveBeenCalledTimes(1)
      expect(useStorageStore().usage.snapshot).toBe(3)
      await useScorecardStore().apply(mergeConfig({ recurrenceDays: 9 }))
      await vi.advanceTimersByTimeAsync(10_000)
      expect(b.snapshot).toHaveBeenCalledTimes(2)
    }
    finally {
      vi.useRealTimers()
    }
  })

  it('a file the engine imported is stored after the wall has its data, in load order, before the load ends', async () => {
    vi.useFakeTimers()
    try {
      const store = new MemoryStore()
      const b = fakeBackend()
      const ds = useDatasetStore()
      const storage = useStorageStore()
      const seen: { file: string, version: number, saving: boolean, stored: number }[] = []
      // As Dataset.storable: no bytes with the file, its IPC written from the table in parts, here two.
      const fromTable = (f: PendingFile): StorableLater => async (put) => {
        seen.push({ file: f.file.name, version: ds.version, saving: storage.saving, stored: storage.usage.files })
        if (f.file.name === 'e_gone.csv') return null
        const bytes = parsed(f).ipc!
        return put({ ...parsed(f), ipc: null }, async function* () {
          yield bytes.subarray(0, 2)
          yield bytes.subarray(2)
        })
      }
      // As the wall's backend: a parsed file is kept before DuckDB takes it, one the engine imported as a write for later.
      b.load = vi.fn(async (files: PendingFile[], _p: unknown, opts?: { keep?: KeepImported }) => {
        for (const f of files) await opts?.keep?.(f, f.file.name.startsWith('e') ? fromTable(f) : parsed(f))
        return { files: files.map(f => parsed(f).report), rejected: [] }
      })
      await ds.start(async () => b, owner(store))
      const version = ds.version
      const loading = ds.load([file('e_1.csv'), file('b_2.csv'), file('e_gone.csv')], () => {})
      await vi.advanceTimersByTimeAsync(1000)
      await loading
      // Written after the wall was given the data (version bumped), while the storage said so, before the commit.
      expect(seen).toEqual([
        { file: 'e_1.csv', version: version + 1, saving: true, stored: 0 },
        { file: 'e_gone.csv', version: version + 1, saving: true, stored: 0 },
      ])
      expect(storage.saving).toBe(false)
      // A file the data set no longer holds when its turn comes is not stored.
      expect((await store.manifest())!.entries.map(e => e.report.file)).toEqual(['e_1.csv', 'b_2.csv'])
      expect(storage.usage.files).toBe(2)
      expect(new TextDecoder().decode(await store.getIpc((await store.manifest())!.entries[0]!.id!))).toBe('e_1.csv')
      expect((await store.manifest())!.entries[0]!.ipcBytes).toBe('e_1.csv'.length)
    }
    finally {
      vi.useRealTimers()
    }
  })

  it('once real data were loaded, a cleared or lost store opens empty, never on the demo', async () => {
    const ds = useDatasetStore()
    await ds.start(async () => fakeBackend(), owner())
    await ds.load([file('a_1.csv')], () => {})
    await ds.clear()
    setActivePinia(createPinia())
    // A new, empty store (OPFS wiped) on a profile that had real data.
    const b = fakeBackend()
    await useDatasetStore().start(async () => b, owner())
    expect(b.loadDemo).not.toHaveBeenCalled()
    expect(useDatasetStore().isDemo).toBe(false)
  })

  it('a read-only tab reads what is stored and keeps its own changes out of it', async () => {
    const base = new MemoryStore()
    const ds = useDatasetStore()
    await ds.start(async () => fakeBackend(), owner(base))
    await ds.load([file('a_1.csv')], () => {})
    setActivePinia(createPinia())
    const ro = useDatasetStore()
    await ro.start(async () => fakeBackend(), async () => ({ store: new MemoryStore(base), status: { mode: 'readonly', reason: 'other-tab', detail: null, persisted: null } }))
    expect(ro.importReport.files.map(f => f.file)).toEqual(['a_1.csv'])
    expect(useStorageStore().status.mode).toBe('readonly')
    await ro.load([file('b_2.csv')], () => {})
    expect((await base.manifest())!.entries.map(e => e.report.file)).toEqual(['a_1.csv'])
  })

  it('a storage that cannot open leaves a working session and says why', async () => {
    const ds = useDatasetStore()
    await ds.start(async () => fakeBackend(), async () => {
      throw new Error('SecurityError: no OPFS')
    })
    expect(ds.status).toBe('ready')
    expect(useStorageStore().status).toMatchObject({ mode: 'session', reason: 'failed', detail: 'SecurityError: no OPFS' })
    await ds.load([file('a_1.csv')], () => {})
    expect(ds.importReport.files).toHaveLength(1)
  })

  it('reads the data manifest in its two forms and refuses paths out of the folder', () => {
    expect(parseDataManifest(['a.csv', 'b.xlsx'])).toEqual([{ name: 'a.csv' }, { name: 'b.xlsx' }])
    expect(parseDataManifest({ files: ['a.csv', { name: 'b.csv', vendor: 'SAP B1' }, '../x.csv', '/etc/passwd'] }))
      .toEqual([{ name: 'a.csv' }, { name: 'b.csv', vendor: 'SAP B1' }])
    expect(() => parseDataManifest({ list: [] })).toThrow(/manifest\.json/)
  })

  it('a bare address gets the last saved view; a query of its own wins', async () => {
    const state = reactive(parseUrlState('?page=response&from=2026-03&kiosk=1'))
    const scope = effectScope()
    scope.run(() => useSavedView(() => state))
    state.from = '2026-04'
    await nextTick()
    scope.stop()
    history.replaceState(null, '', '/')
    effectScope().run(() => useSavedView(() => state))
    expect(new URLSearchParams(location.search).get('from')).toBe('2026-04')
    expect(location.search).toContain('page=response')
    expect(location.search).toContain('kiosk=1')
    history.replaceState(null, '', '/?page=overview')
    effectScope().run(() => useSavedView(() => state))
    expect(location.search).toBe('?page=overview')
  })
})
