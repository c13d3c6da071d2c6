/** The engine import's rejection reasons and warnings, worded exactly as ticket-mapper.ts words them. */
import type { Reason } from './sql/import-map'
import type { MappingTarget } from './schema'
import type { Columns } from './ticket-mapper'
import { numberText } from './import-lookups'
import { quote } from './ticket-mapper'

/** A rejected row as the SQL returns it: its code, the extra cell count and its cleaned texts. */
export type RejectedCells = { row_no: number, reason: Reason, extra: number | null } & Record<`f_${MappingTarget}`, string>

const EVENTS = {
  fr: ['first_response_at', 'first_response_min', 'first_response_hours'],
  rs: ['resolved_at', 'resolution_min', 'resolution_hours'],
} as const

export function reasonText(r: RejectedCells, headers: readonly string[], cols: Columns, decimalComma: ReadonlySet<number>): string {
  const header = (t: MappingTarget) => quote((headers[cols[t]] ?? t).trim())
  const notDate = (t: MappingTarget) => `${t} ${quote(r[`f_${t}`])} is not a date (column ${header(t)})`
  const notDuration = (t: MappingTarget) => `${t} ${quote(numberText(r[`f_${t}`], decimalComma.has(cols[t])))} is not a duration (column ${header(t)})`
  switch (r.reason) {
    case 'width': return `row has ${r.extra} cells, the header has ${headers.length}`
    case 'header': return 'repeats the header row'
    case 'id_empty': return `ticket_id is empty (column ${header('ticket_id')})`
    case 'created_empty': return `created_at is empty (column ${header('created_at')})`
    case 'created_not_date': return notDate('created_at')
    case 'rec_not_date': return notDate('recovered_at')
    default: {
      const [at, min, hours] = EVENTS[r.reason.slice(0, 2) as 'fr' | 'rs']
      const kind = r.reason.slice(3)
      if (kind === 'not_date') return notDate(at)
      if (kind === 'before') return `${at} ${quote(r[`f_${at}`])} is before created_at ${quote(r.f_created_at)}`
      return notDuration(kind === 'min' ? min : hours)
    }
  }
}
