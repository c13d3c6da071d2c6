import type { ImportedFile } from '../core/dataset'
import type { OpenedStorage, StorageStatus, StorageUsage, StoredEntry, StoredManifest, StoredSource } from './backend'
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { MemoryStore, openStorage, PersistedSet } from './backend'

// Survives where OPFS is wiped or refused: a wall that once had real data never falls back to the demo by itself.
const HAD_DATA_KEY = 'servicewall.hadData'

function readFlag(): boolean {
  try {
    return localStorage.getItem(HAD_DATA_KEY) === '1'
  }
  catch {
    return false
  }
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** The data set kept in the browser (OPFS): what is stored, how, and why not when it is not. */
export const useStorageStore = defineStore('storage', () => {
  const status = ref<StorageStatus>({ mode: 'session', reason: null, detail: null, persisted: null })
  const usage = ref<StorageUsage>({ files: 0, rows: 0, bytes: 0, snapshot: 0 })
  const savedAt = ref<string | null>(null)
  const hadData = ref(readFlag())
  const entries = shallowRef<StoredEntry[]>([])
  /** A load is being written (its files the engine imported go out of DuckDB after the wall shows them): usage is the last commit's. */
  const saving = ref(false)
  const set = shallowRef(new PersistedSet(new MemoryStore(), status.value))

  function sync(): void {
    usage.value = set.value.usage
    entries.value = set.value.manifest.entries
    savedAt.value = set.value.manifest.savedAt
    status.value = { ...set.value.status }
  }

  /** Opens the storage and reads what it holds; null when this profile never stored a data set. */
  async function open(opener: () => Promise<OpenedStorage> = openStorage): Promise<StoredManifest | null> {
    let m: StoredManifest | null = null
    try {
      const o = await opener()
      set.value = new PersistedSet(o.store, { ...o.status })
      m = await set.value.open()
      if (m) savedAt.value = m.savedAt
    }
    catch (e) {
      set.value = new PersistedSet(new MemoryStore(), { mode: 'session', reason: 'failed', detail: message(e), persisted: null })
    }
    sync()
    if (m && !m.demo && m.entries.length) hadData.value = true
    return m
  }

  const read = (entry: StoredEntry): Promise<ImportedFile> => set.value.read(entry)
  /** The built tables kept with the stored files (src/core/snapshot.ts), or null. */
  const readSnapshot = (): Promise<Uint8Array | null> => set.value.readSnapshot().catch(() => null)

  async function keepSnapshot(chunks: Uint8Array[], of: readonly StoredEntry[]): Promise<void> {
    try {
      await set.value.keepSnapshot(chunks, of)
    }
    finally {
      sync()
    }
  }

  async function keep(f: ImportedFile, source: StoredSource, parts?: () => AsyncIterable<Uint8Array>): Promise<StoredEntry> {
    try {
      return await set.value.keep(f, source, parts)
    }
    finally {
      sync()
    }
  }

  async function commit(entries: StoredEntry[], demo: boolean, overrides: object): Promise<void> {
    try {
      await set.value.commit(entries, demo, overrides)
    }
    catch (e) {
      status.value = { ...status.value, reason: 'failed', detail: message(e) }
    }
    sync()
    if (!demo && entries.length) {
      hadData.value = true
      try {
        localStorage.setItem(HAD_DATA_KEY, '1')
      }
      catch {
        // Private window: the flag is lost with the session, as is the data.
      }
    }
  }

  return { status, usage, savedAt, hadData, saving, open, read, readSnapshot, keep, keepSnapshot, commit, entries }
})
