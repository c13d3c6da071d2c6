import type { ImportedFile } from '../core/dataset'
import type { Engine, Row } from '../core/engine'
import type { Mapping } from '../core/schema'
import type { Inspection } from '../import/inspect'
import type { EngineAnswer, EngineCall, LoadProgress, WorkerRequest, WorkerResponse } from '../import/worker-protocol'
import ImportWorker from '../import/import.worker.ts?worker'
import { WorkerGuard } from './worker-guard'

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
type Answer = Exclude<WorkerResponse, { type: 'progress' } | { type: 'error' }>
interface Pending { resolve: (v: Answer) => void, reject: (e: Error) => void, onProgress?: (p: LoadProgress) => void }

/**
 * The page's side of the import worker: one request per file, answers matched by id.
 * Every call settles: an error answer rejects it, and so does the worker's death (an
 * uncaught error, an unreadable message, `terminate`). The next call starts a new worker.
 * With `engine`, a CSV can be imported in it: the worker sends each statement here, and
 * the page makes it on the engine (src/import/page-engine.ts).
 */
export class ImportClient {
  private worker: { w: Worker, guard: WorkerGuard } | null = null
  private nextId = 1
  private readonly pending = new Map<number, Pending>()

  constructor(private readonly create: () => Worker = () => new ImportWorker(), private readonly engine?: Engine) {}

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
    if (msg.type === 'engine') {
      void this.call(msg.call, msg.request)
      return
    }
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

  /** Makes the worker's engine call and answers it; the answer goes to the worker that asked, if it still lives. */
  private async call(call: number, req: EngineCall): Promise<void> {
    const asked = this.worker?.w
    let answer: EngineAnswer
    try {
      const e = this.engine
      if (!e) throw new Error('import worker: no engine on this page')
      let rows: Row[] | undefined
      if (req.op === 'exec') await e.exec(req.sql)
      else if (req.op === 'query') rows = await e.query(req.sql, req.params)
      else if (req.op === 'insertArrowIPC') await e.insertArrowIPC(req.table, req.ipc, req.create)
      else if (req.op === 'registerFile') await e.registerFile!(req.name, req.bytes)
      else if (req.op === 'registerBlob') await e.registerBlob!(req.name, req.blob)
      else await e.dropFile?.(req.name)
      answer = { type: 'engine-answer', call, ok: true, rows }
    }
    catch (err) {
      answer = { type: 'engine-answer', call, ok: false, message: err instanceof Error ? err.message : String(err) }
    }
    if (asked && this.worker?.w === asked) asked.postMessage(answer)
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

  /**
   * `inEngine`: a CSV may come back as a table of the engine (ImportedFile.table) rather than
   * IPC bytes; otherwise, and always without an engine, the worker's JS import gives IPC.
   */
  async import(file: File, opts: { vendor?: string, mapping?: Mapping, inEngine?: boolean }, onProgress: (p: LoadProgress) => void): Promise<ImportedFile> {
    const engine = Boolean(opts.inEngine && this.engine?.registerFile)
    const msg = await this.send({ type: 'import', file, vendor: opts.vendor, mapping: opts.mapping, engine }, onProgress)
    if (msg.type !== 'imported') throw new Error('import worker: unexpected answer')
    return msg.imported
  }
}
