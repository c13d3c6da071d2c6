/**
 * Runs whole operations (a load, a report, a config change) one at a time, in the
 * order they were asked for. The engine orders single statements; this orders what
 * they belong to, so a report never runs between a load's DROP and its CREATE.
 * A failed operation rejects its own caller and does not stop the ones after it.
 */
export class OperationQueue {
  private tail: Promise<unknown> = Promise.resolve()
  private depth = 0

  /** Operations waiting or running. */
  get pending(): number {
    return this.depth
  }

  run<T>(job: () => Promise<T>): Promise<T> {
    this.depth++
    const next = this.tail.then(job)
    const done = next.finally(() => this.depth--)
    this.tail = done.catch(() => undefined)
    return done
  }
}
