/// <reference lib="webworker" />
import type { EngineAnswer, LoadPhase, WorkerRequest, WorkerResponse } from './worker-protocol'
import { importIntoEngine } from './engine-import'
import { failedImport, importFile } from './import-file'
import { inspectFile, inspectionHead, INSPECT_HEAD_BYTES } from './inspect'
import { PageEngine } from './page-engine'
import { fileTooLarge } from './read-grid'
import { DEFAULT_READ_LIMITS } from './types'

// Decoding, parsing and normalizing run here, off the page's thread, so the wall stays responsive.
const scope = self as unknown as DedicatedWorkerGlobalScope
const PROGRESS_EVERY_BYTES = 4 * 1024 * 1024

function post(msg: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer)
}

const page = new PageEngine(post)

async function readWithProgress(id: number, file: File): Promise<Uint8Array> {
  const out = new Uint8Array(file.size)
  const reader = file.stream().getReader()
  let read = 0
  let reported = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    out.set(value, read)
    read += value.byteLength
    if (read - reported >= PROGRESS_EVERY_BYTES) {
      reported = read
      progress(id, file, 'reading', read, 0)
    }
  }
  return out
}

/**
 * Frees the bytes now, whatever still refers to them: the buffer is moved out (a transfer) and the
 * view left empty. DuckDB reads the file itself, and through the build a copy here was the file's size more.
 */
function detach(bytes: Uint8Array): void {
  if (bytes.buffer instanceof ArrayBuffer) structuredClone(bytes.buffer, { transfer: [bytes.buffer] })
}

function progress(id: number, file: File, phase: LoadPhase, bytesRead: number, rows: number): void {
  post({ id, type: 'progress', progress: { file: file.name, phase, bytesRead, bytesTotal: file.size, rows } })
}

async function handle(req: WorkerRequest): Promise<void> {
  // The size cap comes before any byte is read: a file past it never reaches memory.
  const tooLarge = req.file.size > DEFAULT_READ_LIMITS.maxFileBytes ? fileTooLarge(DEFAULT_READ_LIMITS.maxFileBytes).message : null
  if (req.type === 'inspect') {
    const first = tooLarge ? new Uint8Array(0) : new Uint8Array(await req.file.slice(0, INSPECT_HEAD_BYTES).arrayBuffer())
    const head = inspectionHead(first, req.file.size, req.file.name)
    const bytes = head ?? (tooLarge || req.file.size <= first.length ? first : new Uint8Array(await req.file.arrayBuffer()))
    const inspection = await inspectFile(bytes, req.file.name, req.mapping, undefined, head !== null)
    post({ id: req.id, type: 'inspection', inspection: tooLarge ? { ...inspection, error: tooLarge } : inspection })
    return
  }
  if (tooLarge) {
    post({ id: req.id, type: 'imported', imported: failedImport(req.file.name, tooLarge) })
    return
  }
  progress(req.id, req.file, 'reading', 0, 0)
  const bytes = await readWithProgress(req.id, req.file)
  progress(req.id, req.file, 'parsing', bytes.byteLength, 0)
  const opts = { vendor: req.vendor, mapping: req.mapping }
  // In the engine, DuckDB reads the file itself when it is UTF-8, or takes the transcoded bytes
  // over: where it cannot read the file after all, the JS import reads it (again, if they went).
  const imported = req.engine
    ? await importIntoEngine(page.engine(req.id), bytes, req.file.name, opts, () => readWithProgress(req.id, req.file), { blob: req.file, release: () => detach(bytes) })
    : await importFile(bytes, req.file.name, opts)
  post({ id: req.id, type: 'imported', imported }, imported.ipc ? [imported.ipc.buffer] : [])
}

scope.onmessage = (ev: MessageEvent<WorkerRequest | EngineAnswer>) => {
  const req = ev.data
  if (req?.type === 'engine-answer') {
    page.answer(req)
    return
  }
  // A message that is not a request is a bug on the page: thrown here, it is the worker's
  // `error` event there, and the page starts a new worker.
  if (typeof req?.id !== 'number' || !(req.file instanceof Blob)) throw new TypeError('import worker: not a request')
  handle(req).catch((e: unknown) => {
    post({ id: req.id, type: 'error', message: e instanceof Error ? `${e.name}: ${e.message}` : String(e) })
  })
}
