import type { WorkerRequest, WorkerResponse } from '../../src/import/worker-protocol'
import { describe, expect, it } from 'vitest'
import { ImportClient } from '../../src/db/import-client'
import { WorkerGuard } from '../../src/db/worker-guard'

/** A stand-in for a Web Worker: records requests; the test answers, crashes or stalls it. */
class FakeWorker extends EventTarget {
  onmessage: ((ev: MessageEvent) => void) | null = null
  requests: WorkerRequest[] = []
  terminated = false
  postMessage(req: WorkerRequest): void {
    this.requests.push(req)
  }

  terminate(): void {
    this.terminated = true
  }

  reply(msg: WorkerResponse): void {
    this.onmessage?.(new MessageEvent('message', { data: msg }))
  }

  crash(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }))
  }
}

function client() {
  const workers: FakeWorker[] = []
  const c = new ImportClient(() => {
    const w = new FakeWorker()
    workers.push(w)
    return w as unknown as Worker
  })
  return { c, workers }
}

const file = (name = 'a.csv') => new File(['x'], name)

describe('the import worker never leaves a call waiting', () => {
  it('an error answer (a failed read, a RangeError) rejects that call only', async () => {
    const { c, workers } = client()
    const a = c.import(file('a.csv'), {}, () => {})
    const b = c.inspect(file('b.csv'))
    const [w] = workers
    w!.reply({ id: w!.requests[0]!.id, type: 'error', message: 'RangeError: Array buffer allocation failed' })
    await expect(a).rejects.toThrow('RangeError: Array buffer allocation failed')
    w!.reply({ id: w!.requests[1]!.id, type: 'inspection', inspection: { file: 'b.csv' } as never })
    await expect(b).resolves.toMatchObject({ file: 'b.csv' })
    expect(workers).toHaveLength(1)
  })

  it.each([
    ['an uncaught error', (w: FakeWorker) => w.crash('out of memory'), 'import worker stopped: out of memory'],
    ['an unreadable answer', (w: FakeWorker) => w.dispatchEvent(new Event('messageerror')), 'import worker stopped: an answer could not be read'],
  ])('%s rejects every waiting call, and the next call gets a new worker', async (_, kill, message) => {
    const { c, workers } = client()
    const calls = [c.import(file('a.csv'), {}, () => {}), c.import(file('b.csv'), {}, () => {}), c.inspect(file('c.csv'))]
    kill(workers[0]!)
    for (const call of calls) await expect(call).rejects.toThrow(message)
    expect(workers[0]!.terminated).toBe(true)
    const next = c.inspect(file('d.csv'))
    expect(workers).toHaveLength(2)
    workers[1]!.reply({ id: workers[1]!.requests[0]!.id, type: 'inspection', inspection: { file: 'd.csv' } as never })
    await expect(next).resolves.toMatchObject({ file: 'd.csv' })
  })

  it('terminate rejects what is waiting; a late answer of the old worker is ignored', async () => {
    const { c, workers } = client()
    const call = c.import(file(), {}, () => {})
    c.terminate()
    await expect(call).rejects.toThrow('import worker was terminated')
    workers[0]!.reply({ id: workers[0]!.requests[0]!.id, type: 'imported', imported: {} as never })
    const again = c.inspect(file())
    expect(workers).toHaveLength(2)
    workers[1]!.reply({ id: workers[1]!.requests[0]!.id, type: 'error', message: 'NotReadableError: the file changed' })
    await expect(again).rejects.toThrow('NotReadableError')
  })
})

describe('WorkerGuard (the DuckDB worker\'s calls)', () => {
  it('rejects a call that would never settle when the worker errors, and every later call', async () => {
    const w = new FakeWorker()
    const deaths: string[] = []
    const guard = new WorkerGuard(w as unknown as Worker, 'DuckDB worker', e => deaths.push(e.message))
    const hanging = guard.guard(new Promise(() => {}))
    const settled = guard.guard(Promise.resolve(7))
    await expect(settled).resolves.toBe(7)
    w.crash('RuntimeError: unreachable')
    await expect(hanging).rejects.toThrow('DuckDB worker stopped: RuntimeError: unreachable')
    await expect(guard.guard(Promise.resolve(1))).rejects.toThrow('DuckDB worker stopped')
    expect(deaths).toEqual(['DuckDB worker stopped: RuntimeError: unreachable'])
    expect(w.terminated).toBe(true)
  })
})
