import type { IpcBytes, StoredManifest, TicketStore } from './ticket-store'
import { isManifest, storedIds } from './ticket-store'

const ROOT = 'servicewall'
const MANIFEST = 'manifest.json'

async function writeFile(dir: FileSystemDirectoryHandle, name: string, data: readonly Uint8Array[] | AsyncIterable<Uint8Array> | string): Promise<void> {
  const handle = await dir.getFileHandle(name, { create: true })
  // createWritable writes to a swap file and replaces the file on close: a crash leaves the old one.
  const w = await handle.createWritable()
  try {
    for await (const chunk of typeof data === 'string' ? [data] : data) await w.write(chunk as FileSystemWriteChunkType)
    await w.close()
  }
  catch (e) {
    await w.abort().catch(() => undefined)
    throw e
  }
}

/** The data set in the origin private file system: servicewall/manifest.json and servicewall/ipc/<id>.arrow. */
export class OpfsStore implements TicketStore {
  readonly kind = 'opfs'
  private constructor(private readonly dir: FileSystemDirectoryHandle, private readonly ipc: FileSystemDirectoryHandle) {}

  /** Throws where the browser has no OPFS or refuses it (some private windows). */
  static async open(root?: FileSystemDirectoryHandle): Promise<OpfsStore> {
    const top = root ?? await navigator.storage.getDirectory()
    const dir = await top.getDirectoryHandle(ROOT, { create: true })
    return new OpfsStore(dir, await dir.getDirectoryHandle('ipc', { create: true }))
  }

  async manifest(): Promise<StoredManifest | null> {
    let text: string
    try {
      text = await (await (await this.dir.getFileHandle(MANIFEST)).getFile()).text()
    }
    catch (e) {
      if (e instanceof DOMException && e.name === 'NotFoundError') return null
      throw e
    }
    const m: unknown = JSON.parse(text)
    if (!isManifest(m)) throw new Error('the stored manifest is not one this version understands')
    return m
  }

  putIpc(id: string, bytes: IpcBytes): Promise<void> {
    return writeFile(this.ipc, `${id}.arrow`, bytes instanceof Uint8Array ? [bytes] : bytes)
  }

  async getIpc(id: string): Promise<Uint8Array> {
    const file = await (await this.ipc.getFileHandle(`${id}.arrow`)).getFile()
    return new Uint8Array(await file.arrayBuffer())
  }

  async commit(m: StoredManifest): Promise<void> {
    await writeFile(this.dir, MANIFEST, JSON.stringify(m))
    const keep = new Set([...storedIds(m)].map(id => `${id}.arrow`))
    const stale: string[] = []
    for await (const name of (this.ipc as unknown as { keys: () => AsyncIterable<string> }).keys()) if (!keep.has(name)) stale.push(name)
    for (const name of stale) await this.ipc.removeEntry(name).catch(() => undefined)
  }
}
