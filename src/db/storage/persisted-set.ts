import type { ImportedFile } from '../../core/dataset'
import type { StorageReason, StorageStatus } from './open-storage'
import type { StoredEntry, StoredManifest, StoredSource, TicketStore } from './ticket-store'
import { emptyManifest, MemoryStore } from './ticket-store'

export interface StorageUsage {
  files: number
  rows: number
  bytes: number
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))
const isQuota = (e: unknown) => e instanceof DOMException && e.name === 'QuotaExceededError'

/**
 * The stored data set as the wall sees it: entries in load order, written as files are
 * imported and committed once a whole load is in. A write that fails (quota, eviction)
 * switches to a session-only copy and says so; the wall goes on with what it has.
 */
export class PersistedSet {
  private current: StoredManifest = emptyManifest()

  constructor(private store: TicketStore, readonly status: StorageStatus) {}

  /** What was stored, or null when this profile never stored anything. */
  async open(): Promise<StoredManifest | null> {
    const m = await this.store.manifest()
    if (m) this.current = m
    return m
  }

  get manifest(): StoredManifest {
    return this.current
  }

  get usage(): StorageUsage {
    const e = this.current.entries
    return { files: e.length, rows: e.reduce((s, x) => s + x.report.loaded, 0), bytes: e.reduce((s, x) => s + x.ipcBytes, 0) }
  }

  /** The stored entry back as an imported file, ready for Dataset.add. */
  async read(entry: StoredEntry): Promise<ImportedFile> {
    const { id, ipcBytes: _b, source: _s, ...rest } = entry
    return { ...rest, ipc: id ? await this.store.getIpc(id) : null }
  }

  /** Writes a file's bytes before DuckDB takes them (the IPC buffer is transferred to its worker). */
  async keep(f: ImportedFile, source: StoredSource): Promise<StoredEntry> {
    const id = f.ipc ? crypto.randomUUID() : null
    if (id && f.ipc) await this.write(s => s.putIpc(id, f.ipc!))
    const { ipc, ...rest } = f
    return { ...structuredClone(rest), id, ipcBytes: ipc?.byteLength ?? 0, source }
  }

  async commit(entries: StoredEntry[], demo: boolean, overrides: object): Promise<void> {
    const next: StoredManifest = { version: 1, demo, overrides: structuredClone(overrides), entries, savedAt: new Date().toISOString() }
    await this.write(s => s.commit(next))
    this.current = next
  }

  private async write(op: (s: TicketStore) => Promise<void>): Promise<void> {
    try {
      await op(this.store)
    }
    catch (e) {
      if (this.store.kind === 'memory') throw e
      // Full or gone: keep this session's data in memory, on top of what is stored.
      this.fallBack(isQuota(e) ? 'full' : 'failed', message(e))
      await op(this.store)
    }
  }

  private fallBack(reason: StorageReason, detail: string): void {
    const mem = new MemoryStore(this.store)
    void mem.commit(this.current)
    this.store = mem
    Object.assign(this.status, { mode: 'session', reason, detail })
  }
}
