/// <reference lib="webworker" />
import type { LoadPhase, WorkerRequest, WorkerResponse } from './worker-protocol'
import { importFile } from './import-file'
import { inspectFile } from './inspect'

// Decoding, parsing and normalizing run here, off the page's thread, so the wall stays responsive.
const scope = self as unknown as DedicatedWorkerGlobalScope
const PROGRESS_EVERY_BYTES = 4 * 1024 * 1024

function post(msg: WorkerResponse, transfer: Transferable[] = []): void {
  scope.postMessage(msg, transfer)
}

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

function progress(id: number, file: File, phase: LoadPhase, bytesRead: number, rows: number): void {
  post({ id, type: 'progress', progress: { file: file.name, phase, bytesRead, bytesTotal: file.size, rows } })
}

scope.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
  const req = ev.data
  if (req.type === 'inspect') {
    const bytes = new Uint8Array(await req.file.arrayBuffer())
    post({ id: req.id, type: 'inspection', inspection: await inspectFile(bytes, req.file.name, req.mapping) })
    return
  }
  progress(req.id, req.file, 'reading', 0, 0)
  const bytes = await readWithProgress(req.id, req.file)
  progress(req.id, req.file, 'parsing', bytes.byteLength, 0)
  const imported = await importFile(bytes, req.file.name, { vendor: req.vendor, mapping: req.mapping })
  post({ id: req.id, type: 'imported', imported }, imported.ipc ? [imported.ipc.buffer] : [])
}
