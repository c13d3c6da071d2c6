/**
 * Peak memory of a browser: the PSS of its whole process tree (browser, renderers, GPU and
 * utility processes), read from /proc/<pid>/smaps_rollup every `everyMs` while a run goes on.
 * PSS shares each shared page among the processes that map it, so the sum is not inflated
 * by the libraries every Chromium process maps (RSS summed would be).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { parentPid, processTree, treePssMb } from './bench-stats'

function read(p: string): string {
  try {
    return readFileSync(p, 'utf8')
  }
  catch {
    return '' // the process ended between the listing and the read
  }
}

const pids = () => readdirSync('/proc').filter(d => /^\d+$/.test(d)).map(Number)

/** The oldest process whose command line holds `marker` (a browser's profile directory). */
export function rootPid(marker: string): number {
  const hits = pids().filter(p => read(`/proc/${p}/cmdline`).includes(marker))
  const parents = new Map(hits.map(p => [p, parentPid(read(`/proc/${p}/stat`))]))
  const root = hits.find(p => !hits.includes(parents.get(p)!))
  if (root === undefined) throw new Error(`no process with ${marker} in its command line`)
  return root
}

export function treePss(root: number): number {
  const parents = new Map<number, number>()
  for (const p of pids()) {
    const stat = read(`/proc/${p}/stat`)
    if (stat) parents.set(p, parentPid(stat))
  }
  return treePssMb(processTree(root, parents).map(p => read(`/proc/${p}/smaps_rollup`)))
}

export interface Sampler { peakMb: () => number, nowMb: () => number, stop: () => number }

/** Samples the tree's PSS until stop(); stop() returns the peak in MB. */
export function samplePss(root: number, everyMs = 250): Sampler {
  let peak = treePss(root)
  const timer = setInterval(() => {
    peak = Math.max(peak, treePss(root))
  }, everyMs)
  return {
    peakMb: () => peak,
    nowMb: () => treePss(root),
    stop: () => {
      clearInterval(timer)
      peak = Math.max(peak, treePss(root))
      return peak
    },
  }
}
