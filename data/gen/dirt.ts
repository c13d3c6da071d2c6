/**
 * Realistic dirt: stale copies of tickets (an earlier snapshot of the same ticket id, placed before
 * the final row, which wins) and rows the contract rejects.
 */
import type { RejectedNote } from './canon.ts'
import type { Random } from './prng.ts'

export interface Extra<R> {
  row: R
  id: string
  kind: 'duplicate' | RejectedNote['reason']
  /** Placed shortly before base row `before` (a stale duplicate must precede its final row); anywhere if omitted. */
  before?: number
}

export interface Placed<R> {
  rows: R[]
  rejected: RejectedNote[]
  duplicateIds: string[]
}

/** Insert extras among the base rows; rows are numbered from firstDataRow as a spreadsheet shows them. */
export function placeExtras<R>(rng: Random, base: R[], extras: Extra<R>[], firstDataRow: number): Placed<R> {
  const slots = extras.map((e, order) => ({
    e, order, at: e.before === undefined ? rng.int(1, base.length - 1) : rng.int(Math.max(0, e.before - 40), e.before),
  })).sort((a, b) => a.at - b.at || a.order - b.order)
  const rows: R[] = []
  const rejected: RejectedNote[] = []
  const duplicateIds: string[] = []
  let next = 0
  for (let i = 0; i < base.length; i++) {
    while (next < slots.length && (slots[next]?.at ?? Infinity) <= i) {
      const slot = slots[next++]
      if (slot === undefined) break
      if (slot.e.kind === 'duplicate') duplicateIds.push(slot.e.id)
      else rejected.push({ row: firstDataRow + rows.length, ticket_id: slot.e.id, reason: slot.e.kind })
      rows.push(slot.e.row)
    }
    const row = base[i]
    if (row !== undefined) rows.push(row)
  }
  return { rows, rejected, duplicateIds }
}
