/**
 * The 50 filter changes every part of the bench times, the same in Node, in the wall and
 * in the bare engine: vendor, month range, priority in turn. Each change touches one
 * control once (one checkbox ticked or unticked, one month picked), as a person would.
 */
export const MONTH_FROM = ['2026-10', '2026-06', '2026-11', '2026-01', '2026-09', '2026-03']
export const LAST_MONTH = '2026-11'

export type ChangeKind = 'vendor' | 'month' | 'priority'

export interface Change {
  kind: ChangeKind
  /** vendor / priority: the index of the option ticked or unticked; month: the `from` month picked. */
  option: number | string
  /** The filter after the change. */
  state: { vendor: number | null, priority: number | null, from: string, to: string }
}

const KINDS: ChangeKind[] = ['vendor', 'month', 'priority']

export function filterCycle(changes: number, vendors: number, priorities: number): Change[] {
  const state: Change['state'] = { vendor: null, priority: null, from: LAST_MONTH, to: LAST_MONTH }
  const out: Change[] = []
  for (let i = 0; i < changes; i++) {
    const kind = KINDS[i % 3]!
    const turn = Math.floor(i / 3)
    let option: number | string
    if (kind === 'month') option = state.from = MONTH_FROM[turn % MONTH_FROM.length]!
    else {
      // Even turns tick one option, odd turns untick it again: one click each.
      const n = kind === 'vendor' ? vendors : priorities
      const pick = Math.floor(turn / 2) % n
      option = pick
      state[kind] = turn % 2 === 0 ? pick : null
    }
    out.push({ kind, option, state: { ...state } })
  }
  return out
}

/** The first day of the month after `ym` (YYYY-MM). */
export function nextMonth(ym: string): string {
  const [y, m] = ym.split('-').map(Number) as [number, number]
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
}
