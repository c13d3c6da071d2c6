/**
 * Pure helpers of `npm run bench`: percentiles, ratios, and the proportional set size (PSS)
 * of a process tree from /proc text. No I/O here, so test/unit/scripts can check them.
 */

/** The p-th percentile (0–100) by the nearest-rank method; null for no values. */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

/** a / b to two decimals; null when either side is missing or b is 0. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || b <= 0) return null
  return Math.round((a / b) * 100) / 100
}

/** The `Pss:` line of /proc/<pid>/smaps_rollup, in kB (0 when absent: the process is gone). */
export function pssKb(smapsRollup: string): number {
  const m = /^Pss:\s+(\d+)\s+kB$/m.exec(smapsRollup)
  return m ? Number(m[1]) : 0
}

/** The parent pid from /proc/<pid>/stat; the command name may hold spaces and parentheses. */
export function parentPid(stat: string): number {
  const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return Number(rest[1])
}

/** `root` and every process below it, from a pid → parent pid map. */
export function processTree(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>()
  for (const [pid, ppid] of parents) children.set(ppid, [...(children.get(ppid) ?? []), pid])
  const out: number[] = []
  const todo = [root]
  while (todo.length) {
    const pid = todo.pop()!
    out.push(pid)
    todo.push(...(children.get(pid) ?? []))
  }
  return out
}

/** The summed PSS, in MB, of the smaps_rollup texts of one process tree. */
export function treePssMb(rollups: readonly string[]): number {
  return Math.round(rollups.reduce((s, t) => s + pssKb(t), 0) / 1024)
}
