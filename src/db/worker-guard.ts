/**
 * Watches a Web Worker for the ways it dies: an uncaught error in it, an answer that
 * cannot be deserialized, or termination. From then on every call made through
 * `guard` rejects (DuckDB-wasm's AsyncDuckDB forgets its pending requests on a worker
 * error without rejecting them: the calls would wait forever), the worker is
 * terminated, and `onDeath` tells the owner to start a new one for the next call.
 */
export class WorkerGuard {
  private reason: Error | null = null
  private readonly listeners = new Set<(e: Error) => void>()

  constructor(private readonly worker: Worker, private readonly what: string, private readonly onDeath: (e: Error) => void = () => {}) {
    worker.addEventListener('error', (ev) => {
      ev.preventDefault()
      const msg = (ev as ErrorEvent).message
      this.kill(new Error(`${what} stopped${msg ? `: ${msg}` : ''}`))
    })
    worker.addEventListener('messageerror', () => this.kill(new Error(`${what} stopped: an answer could not be read`)))
  }

  get dead(): Error | null {
    return this.reason
  }

  /** Rejects every guarded call still waiting, and every later one. */
  kill(reason: Error = new Error(`${this.what} was terminated`)): void {
    if (this.reason) return
    this.reason = reason
    this.worker.terminate()
    for (const l of this.listeners) l(reason)
    this.listeners.clear()
    this.onDeath(reason)
  }

  /** `call`, or its rejection when the worker dies first. */
  guard<T>(call: Promise<T>): Promise<T> {
    if (this.reason) return Promise.reject(this.reason)
    return new Promise<T>((resolve, reject) => {
      this.listeners.add(reject)
      call.then(resolve, reject).finally(() => this.listeners.delete(reject))
    })
  }
}
