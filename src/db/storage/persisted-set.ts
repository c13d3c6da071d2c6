import type { ImportedFile } from '../../core/dataset'
import type { StorageReason, StorageStatus } from './open-storage'
import type { StoredEntry, StoredManifest, StoredSource, TicketStore } from './ticket-store'
import { emptyManifest, MemoryStore, snapshotOf } from './ticket-store'

export interface StorageUsage {
  files: number
  rows: number
  /** Everything stored, the snapshot included. */
  bytes: number
  /** Bytes of the snapshot of the built tables (0: none for these files). */
  snapshot: number
}

/** The chunks of `chunks`, each counted by `count` as it passes. */
async function* counted(chunks: AsyncIterable<Uint8Array>, count: (bytes: number) => void): AsyncGenerator<Uint8Array> {
  for await (const c of chunks) {
    count(c.byteLength)
    yield c
  }
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
    const snapshot = snapshotOf(this.current)?.bytes ?? 0
    return { files: e.length, rows: e.reduce((s, x) => s + x.report.loaded, 0), bytes: e.reduce((s, x) => s + x.ipcBytes, snapshot), snapshot }
  }

  /** The stored entry back as an imported file, ready for Dataset.add. */
  async read(entry: StoredEntry): Promise<ImportedFile> {
    const { id, ipcBytes: _b, source: _s, ...rest } = entry
    return { ...rest, ipc: id ? await this.store.getIpc(id) : null }
  }

  /**
   * Writes a file's bytes before DuckDB takes them (the IPC buffer is transferred to its worker),
   * or, for a file without them, the IPC stream `parts` gives (Dataset.storable), chunk by chunk.
   */
  async keep(f: ImportedFile, source: StoredSource, parts?: () => AsyncIterable<Uint8Array>): Promise<StoredEntry> {
    const { ipc, ...rest } = f
    const id = ipc || parts ? crypto.randomUUID() : null
    let bytes = ipc?.byteLength ?? 0
    if (id && ipc) await this.write(s => s.putIpc(id, ipc))
    else if (id && parts) {
      await this.write((s) => {
        bytes = 0
        return s.putIpc(id, counted(parts(), n => bytes += n))
      })
    }
    return { ...structuredClone(rest), id, ipcBytes: bytes, source }
  }

  async commit(entries: StoredEntry[], demo: boolean, overrides: object): Promise<void> {
    // The snapshot stays while the files are the same ones (a config change: its build name tells).
    const snapshot = snapshotOf(this.current, entries) ?? undefined
    const next: StoredManifest = { version: 1, demo, overrides: structuredClone(overrides), entries, ...(snapshot ? { snapshot } : {}), savedAt: new Date().toISOString() }
    await this.write(s => s.commit(next))
    this.current = next
  }

  /** The stored snapshot of the stored files' built tables, or null (none, of other files, or unreadable). */
  async readSnapshot(): Promise<Uint8Array | null> {
    const s = snapshotOf(this.current)
    return s ? this.store.getIpc(s.id).catch(() => null) : null
  }

  /** Keeps a snapshot of the built tables, if the stored files are still the ones it was made from. */
  async keepSnapshot(chunks: Uint8Array[], entries: readonly StoredEntry[]): Promise<void> {
    if (!this.current.entries.length || entries.length !== this.current.entries.length || entries.some((e, i) => e.id !== this.current.entries[i]!.id)) return
    const bytes = chunks.reduce((n, c) => n + c.byteLength, 0)
    const id = crypto.randomUUID()
    try {
      // Written chunk by chunk: no second copy of the whole snapshot.
      await this.store.putIpc(id, chunks)
    }
    catch {
      // Only a shortcut for the next reload: no room for it leaves the stored data set as it is.
      return
    }
    const next: StoredManifest = { ...this.current, snapshot: { id, bytes, entries: entries.map(e => e.id) } }
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
