// The watched folder's handle lives in IndexedDB: it is structured-cloneable there, not in localStorage.
const DB = 'servicewall'
const STORE = 'handles'

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1)
    req.onupgradeneeded = () => req.result.createObjectStore(STORE)
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB refused'))
  })
}

async function run<T>(mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await openDb()
  try {
    return await new Promise<T>((resolve, reject) => {
      const req = op(db.transaction(STORE, mode).objectStore(STORE))
      req.onsuccess = () => resolve(req.result as T)
      req.onerror = () => reject(req.error ?? new Error('IndexedDB refused'))
    })
  }
  finally {
    db.close()
  }
}

export async function loadHandle(key: string): Promise<FileSystemDirectoryHandle | null> {
  try {
    return (await run<FileSystemDirectoryHandle | undefined>('readonly', s => s.get(key))) ?? null
  }
  catch {
    return null
  }
}

export const saveHandle = (key: string, h: FileSystemDirectoryHandle): Promise<unknown> => run('readwrite', s => s.put(h, key))
export const dropHandle = (key: string): Promise<unknown> => run('readwrite', s => s.delete(key)).catch(() => undefined)
