import type { ImportedFile } from '../core/dataset'
import type { Mapping } from '../core/schema'
import type { Inspection } from '../import/inspect'
import type { LoadProgress, WorkerRequest, WorkerResponse } from '../import/worker-protocol'
import ImportWorker from '../import/import.worker.ts?worker'
import { WorkerGuard } from './worker-guard'

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
type Answer = Exclude<WorkerResponse, { type: 'progress' } | { type: 'error' }>
interface Pending { resolve: (v: Answer) => void, reject: (e: Error) => void, onProgress?: (p: LoadProgress) => void }

/**
 * The page's side of the import worker: one request per file, answers matched by id.
 * Every call settles: an error answer rejects it, and so does the worker's death (an
 * uncaught error, an unreadable message, `terminate`). The next call starts a new worker.
 */
export class ImportClient {
  private worker: { w: Worker, guard: WorkerGuard } | null = null
  private nextId = 1
  private readonly pending = new Map<number, Pending>()

  constructor(private readonly create: () => Worker = () => new ImportWorker()) {}

  private live(): { w: Worker, guard: WorkerGuard } {
    if (this.worker) return this.worker
    const w = this.create()
    const guard = new WorkerGuard(w, 'import worker', () => {
      if (this.worker?.w === w) this.worker = null
    })
    w.onmessage = (ev: MessageEvent<WorkerResponse>) => this.answer(ev.data)
    this.worker = { w, guard }
    return this.worker
  }

  private answer(msg: WorkerResponse): void {
    const p = this.pending.get(msg.id)
    if (!p) return
    if (msg.type === 'progress') {
      p.onProgress?.(msg.progress)
      return
    }
    this.pending.delete(msg.id)
    if (msg.type === 'error') p.reject(new Error(msg.message))
    else p.resolve(msg)
  }

  private send(req: DistributiveOmit<WorkerRequest, 'id'>, onProgress?: (p: LoadProgress) => void): Promise<Answer> {
    const id = this.nextId++
    const { w, guard } = this.live()
    const answer = new Promise<Answer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress })
      w.postMessage({ ...req, id } as WorkerRequest)
    })
    return guard.guard(answer).finally(() => this.pending.delete(id))
  }

  /**
   * Stops the worker if nothing waits for it: after a large file its heap stays for several
   * seconds (at 1 M tickets the tab held 3.5 GB for 6–10 s), and a new worker is started by the next call anyway.
   */
  release(): void {
    if (this.pending.size === 0) this.terminate()
  }

  /** Stops the worker: every call still waiting rejects. */
  terminate(): void {
    this.worker?.guard.kill()
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
