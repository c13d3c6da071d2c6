import type { ImportedFile } from '../../core/dataset'
import type { Mapping } from '../../core/schema'

/** Where a stored file came from, and what tells a changed copy from the same one. */
export interface StoredSource {
  origin: 'import' | 'folder' | 'url'
  name: string
  size: number
  lastModified?: number
  etag?: string
  hash?: string
  vendor?: string
  mapping?: Mapping
}

/** One imported file as stored: its report lines (provenance) and the id of its Arrow IPC bytes. */
export interface StoredEntry extends Omit<ImportedFile, 'ipc'> {
  id: string | null
  ipcBytes: number
  source: StoredSource
}

/**
 * The built tables of the data set (src/core/snapshot.ts), kept so a reload need not build them
 * again; `entries`: the ids of the files it was built from, in order. Only a cache: without it,
 * or when it is of other files or another build, the wall builds as always.
 */
export interface StoredSnapshot {
  id: string
  bytes: number
  entries: (string | null)[]
}

/** The whole data set, in load order. `demo`: the user chose the demo, which comes back on reload. */
export interface StoredManifest {
  version: 1
  demo: boolean
  /** The config in effect when saved, for the record: the settings themselves are kept by settings-storage. */
  /** The config in effect when saved, for the record: the settings themselves are kept by settings-storage. */
  overrides: object
  entries: StoredEntry[]
  snapshot?: StoredSnapshot
  savedAt: string
}

/** The ids of the IPC files a manifest names (the store deletes every other one). */
export function storedIds(m: StoredManifest): Set<string | null> {
  return new Set([...m.entries.map(e => e.id), ...(m.snapshot ? [m.snapshot.id] : [])])
}

/** True when the snapshot was built from exactly these entries. */
export function snapshotOf(m: StoredManifest, entries: readonly StoredEntry[] = m.entries): StoredSnapshot | null {
  const s = m.snapshot
  return s && s.entries.length === entries.length && s.entries.every((id, i) => id === entries[i]!.id) ? s : null
}

/** A file's bytes for TicketStore.putIpc: whole, as chunks in order, or as chunks that come one by one. */
export type IpcBytes = Uint8Array | readonly Uint8Array[] | AsyncIterable<Uint8Array>

/**
 * The canonical tickets of every loaded file, as Arrow IPC, plus a manifest that is
 * replaced as a whole, so a reader sees the old data set or the new one, never a mix.
 */
export interface TicketStore {
  readonly kind: 'opfs' | 'memory'
  manifest: () => Promise<StoredManifest | null>
  /** Writes a file, given whole or as chunks in order (an async iterable: each written as it comes). */
  putIpc: (id: string, bytes: IpcBytes) => Promise<void>
  getIpc: (id: string) => Promise<Uint8Array>
  /** Writes the manifest, then deletes the IPC files it no longer names. */
  commit: (m: StoredManifest) => Promise<void>
}

export function emptyManifest(demo = false, overrides: object = {}): StoredManifest {
  return { version: 1, demo, overrides, entries: [], savedAt: new Date().toISOString() }
}

export function isManifest(v: unknown): v is StoredManifest {
  return !!v && typeof v === 'object' && (v as StoredManifest).version === 1 && Array.isArray((v as StoredManifest).entries)
}

/** Chunks as one new buffer. */
function joinChunks(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0))
  chunks.reduce((at, c) => (out.set(c, at), at + c.byteLength), 0)
  return out
}

/** The session-only store (private window, no OPFS, quota exceeded, a read-only second tab). Reads fall back to `base`. */
export class MemoryStore implements TicketStore {
  readonly kind = 'memory'
  private blobs = new Map<string, Uint8Array>()
  private current: StoredManifest | null | undefined

  constructor(private readonly base: TicketStore | null = null) {}

  async manifest(): Promise<StoredManifest | null> {
    if (this.current === undefined) this.current = this.base ? await this.base.manifest() : null
    return this.current
  }

  async putIpc(id: string, bytes: IpcBytes): Promise<void> {
    // A copy: the original is transferred to the DuckDB worker and detached.
    if (bytes instanceof Uint8Array) this.blobs.set(id, bytes.slice())
    else {
      const chunks: Uint8Array[] = []
      for await (const c of bytes) chunks.push(c)
      this.blobs.set(id, joinChunks(chunks))
    }
  }

  async getIpc(id: string): Promise<Uint8Array> {
    const b = this.blobs.get(id)
    if (b) return b.slice()
    if (this.base) return this.base.getIpc(id)
    throw new Error(`stored file ${id} is missing`)
  }

  async commit(m: StoredManifest): Promise<void> {
    this.current = structuredClone(m)
    const keep = storedIds(m)
    for (const id of this.blobs.keys()) if (!keep.has(id)) this.blobs.delete(id)
  }
}
