import type { TicketStore } from './ticket-store'
import { OpfsStore } from './opfs-store'
import { MemoryStore } from './ticket-store'

export const STORAGE_LOCK = 'servicewall-storage'

/** owner: this tab reads and writes the stored data; readonly: it reads them, changes stay in the tab; session: nothing is stored. */
export type StorageMode = 'owner' | 'readonly' | 'session'
export type StorageReason = 'other-tab' | 'unavailable' | 'full' | 'failed'

export interface StorageStatus {
  mode: StorageMode
  reason: StorageReason | null
  /** The browser's technical message behind `reason`, for the dialog. */
  detail: string | null
  /** navigator.storage.persist(): true when the browser promised not to evict the data. */
  persisted: boolean | null
}

export interface OpenedStorage {
  store: TicketStore
  status: StorageStatus
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * One tab of the profile owns the stored data: it holds a Web Lock for its lifetime. A second tab
 * cannot get the lock and opens read-only, so two tabs never write the same files.
 */
function acquireLock(name: string): Promise<boolean> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks
  if (!locks) return Promise.resolve(true)
  return new Promise((resolve) => {
    void locks.request(name, { ifAvailable: true }, (lock) => {
      resolve(lock !== null)
      // Held until the tab closes.
      return lock ? new Promise<void>(() => {}) : undefined
    }).catch(() => resolve(false))
  })
}

async function askPersist(): Promise<boolean | null> {
  try {
    const s = globalThis.navigator?.storage
    if (!s?.persist) return null
    return (await s.persisted?.()) || await s.persist()
  }
  catch {
    return null
  }
}

export async function openStorage(lockName = STORAGE_LOCK): Promise<OpenedStorage> {
  let opfs: OpfsStore
  try {
    opfs = await OpfsStore.open()
    // A private window may hand out a directory and still refuse to read it: try once.
    await opfs.manifest()
  }
  catch (e) {
    return { store: new MemoryStore(), status: { mode: 'session', reason: 'unavailable', detail: message(e), persisted: null } }
  }
  if (!await acquireLock(lockName)) {
    return { store: new MemoryStore(opfs), status: { mode: 'readonly', reason: 'other-tab', detail: null, persisted: null } }
  }
  return { store: opfs, status: { mode: 'owner', reason: null, detail: null, persisted: await askPersist() } }
}
