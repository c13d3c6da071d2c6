import type { Mapping } from '../core/schema'
import type { ReadLimits } from './types'
import type { MatchedBy } from '../core/report-types'
import { locateTable } from '../core/locate-table'
import { defaultVendorFromFileName } from '../core/map-table'
import { planColumns } from '../core/plan-columns'
import { REQUIRED_TARGETS } from '../core/schema'
import { isPlainText, readGrid } from './read-grid'

/** What the wall needs to ask before loading a file: its vendor, and a mapping when headers are unknown. */
export interface Inspection {
  file: string
  kind: 'tickets' | 'training' | null
  headers: string[]
  /** The first five data rows, for the mapping dialog's preview. */
  preview: string[][]
  /** What was recognised (with the given mapping applied). */
  mapping: Mapping
  /** How each recognised field was found. */
  how?: Partial<Record<string, MatchedBy>>
  /** Required targets that no header maps to. */
  missing: string[]
  hasVendorColumn: boolean
  defaultVendor: string
  error: string | null
}

/**
 * Past this size a text file's questions (its vendor, a mapping) are decided from its first lines:
 * a whole 192 MB export took seconds to read before its load could begin. The import itself
 * decides from samples of the whole file, and reports a required column it does not find.
 */
export const INSPECT_HEAD_BYTES = 4 * 1024 * 1024

/**
 * The whole lines in the first INSPECT_HEAD_BYTES of a text file of `size` bytes, given those
 * bytes; null when the whole file is to be inspected (small, not plain text, or UTF-16, whose
 * line ends are two bytes).
 */
export function inspectionHead(first: Uint8Array, size: number, file: string): Uint8Array | null {
  if (size <= INSPECT_HEAD_BYTES || !isPlainText(first, file)) return null
  if ((first[0] === 0xff && first[1] === 0xfe) || (first[0] === 0xfe && first[1] === 0xff)) return null
  // A line feed is never part of a multi-byte character in UTF-8 or GB18030.
  const end = first.lastIndexOf(0x0a, INSPECT_HEAD_BYTES - 1)
  return end > 0 ? first.subarray(0, end + 1) : null
}

/** `head`: the bytes are inspectionHead's, so the last record may be cut inside a quoted cell: it is left out. */
export async function inspectFile(bytes: Uint8Array, file: string, mapping?: Mapping, limits?: ReadLimits, head = false): Promise<Inspection> {
  const defaultVendor = defaultVendorFromFileName(file)
  try {
    const grid = await readGrid(bytes, file, limits)
    // The reader refuses a record cut inside a quoted cell (an unterminated quote); one cut elsewhere is dropped here.
    for (const sheet of head ? grid.sheets : []) {
      const lastRow = sheet.rowNumbers[sheet.rowNumbers.length - 1] ?? 0
      if (!sheet.rejected.some(r => r.row > lastRow)) {
        sheet.rows.pop()
        sheet.rowNumbers.pop()
      }
    }
    const located = locateTable(grid, mapping)
    const plan = planColumns(located, mapping)
    const isTickets = located.kind === 'tickets'
    return {
      file,
      kind: located.kind,
      headers: located.headers,
      preview: located.rows.slice(0, 5),
      mapping: plan.mapping,
      how: plan.how,
      missing: isTickets ? REQUIRED_TARGETS.filter(t => plan.mapping[t] === undefined) : [],
      hasVendorColumn: plan.mapping.vendor !== undefined,
      defaultVendor,
      error: null,
    }
  }
  catch (e) {
    const error = e instanceof Error ? e.message : String(e)
    return { file, kind: null, headers: [], preview: [], mapping: {}, how: {}, missing: [], hasVendorColumn: false, defaultVendor, error }
  }
}
