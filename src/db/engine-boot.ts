/**
 * The DuckDB worker is the longest step of a first visit (the wasm compiles for a second or
 * more), and it needs nothing of the wall. src/start-engine.ts, imported first, starts it
 * before the wall's own code (Vue, ECharts, the pages) has run, and the wall's backend takes
 * the engine that is by then on its way (src/db/wall-backend.ts).
 */
import type { Engine } from '../core/engine'
import { createBrowserEngine } from './browser-engine'

let early: Promise<Engine> | null = null

/** Starts the engine now; the first takeEngine() gets it. */
export function startEngine(): void {
  if (early) return
  early = createBrowserEngine()
  // A failure is the wall's to report, when it takes the engine: not an unhandled rejection before that.
  early.catch(() => undefined)
}

/** The engine started early, once; afterwards (or without an early start) a new one. */
export function takeEngine(): Promise<Engine> {
  const engine = early ?? createBrowserEngine()
  early = null
  return engine
}
