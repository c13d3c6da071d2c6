import type { ImportedFile } from '../core/dataset'
import type { Mapping } from '../core/schema'
import type { Inspection } from '../import/inspect'
import type { LoadProgress, WorkerRequest, WorkerResponse } from '../import/worker-protocol'
import ImportWorker from '../import/import.worker.ts?worker'

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
type Pending = { resolve: (v: WorkerResponse) => void, onProgress?: (p: LoadProgress) => void }

/** The page's side of the import worker: one request per file, answers matched by id. */
export class ImportClient {
  private worker = new ImportWorker()
  private nextId = 1
  private pending = new Map<number, Pending>()

  constructor() {
    this.worker.onmessage = (ev: MessageEvent<WorkerResponse>) => {
      const msg = ev.data
      const p = this.pending.get(msg.id)
      if (!p) return
      if (msg.type === 'progress') {
        p.onProgress?.(msg.progress)
        return
      }
      this.pending.delete(msg.id)
      p.resolve(msg)
    }
  }

  private send(req: DistributiveOmit<WorkerRequest, 'id'>, onProgress?: (p: LoadProgress) => void): Promise<WorkerResponse> {
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, onProgress })
      this.worker.postMessage({ ...req, id } as WorkerRequest)
    })
  }

  async inspect(file: File, mapping?: Mapping): Promise<Inspection> {
    const msg = await this.send({ type: 'inspect', file, mapping })
    if (msg.type !== 'inspection') throw new Error('import worker: unexpected answer')
    return msg.inspection
  }

  async import(file: File, opts: { vendor?: string, mapping?: Mapping }, onProgress: (p: LoadProgress) => void): Promise<ImportedFile> {
    const msg = await this.send({ type: 'import', file, vendor: opts.vendor, mapping: opts.mapping }, onProgress)
    if (msg.type !== 'imported') throw new Error('import worker: unexpected answer')
    return msg.imported
  }
}
