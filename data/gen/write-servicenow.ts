/** SAP B1 partner support runs on ServiceNow: an incident table extract as Parquet, typed timestamps, no satisfaction. */
import { parquetWriteBuffer, type ColumnSource, type SchemaElement } from 'hyparquet-writer'
import type { KnownFlag } from '../../src/core/schema.ts'
import { EXPORT_AT } from './calendar.ts'
import { countFacts, type CanonTicket, type VendorExport } from './canon.ts'
import { placeExtras, type Extra } from './dirt.ts'
import type { Ticket } from './model.ts'
import { Random } from './prng.ts'
import { DAY, HOUR, MINUTE } from './time.ts'

const VENDOR = 'SAP B1'
const FILE = 'SAP B1_servicenow_incidents.parquet'
type Kind = 'string' | 'timestamp' | 'int'
/** Column order as a ServiceNow list export would have it. */
const COLUMNS = [
  ['number', 'string'], ['opened_at', 'timestamp'], ['short_description', 'string'], ['caller_id', 'string'],
  ['priority', 'string'], ['impact', 'string'], ['urgency', 'string'], ['state', 'string'], ['contact_type', 'string'],
  ['category', 'string'], ['subcategory', 'string'], ['assignment_group', 'string'], ['assigned_to', 'string'],
  ['u_first_response_at', 'timestamp'], ['u_restored_at', 'timestamp'], ['resolved_at', 'timestamp'], ['close_code', 'string'],
  ['closed_at', 'timestamp'], ['reopen_count', 'int'], ['sys_updated_on', 'timestamp'],
] as const satisfies readonly (readonly [string, Kind])[]
type Row = Record<(typeof COLUMNS)[number][0], string | number | null>

const IMPACT_URGENCY: Record<string, [string, string]> = {
  P1: ['1 - High', '1 - High'], P2: ['1 - High', '2 - Medium'], P3: ['2 - Medium', '2 - Medium'], P4: ['3 - Low', '3 - Low'],
}

function state(t: Ticket): string {
  if (t.resolved !== null) return EXPORT_AT - t.resolved > 5 * DAY ? 'Closed' : 'Resolved'
  if (t.firstResponse === null) return 'New'
  return t.recovered !== null || t.seq % 5 === 0 ? 'On Hold' : 'In Progress'
}

export function writeServiceNow(seed: number, tickets: Ticket[]): VendorExport {
  const rng = Random.derive(seed, 'write-servicenow')
  let next = 10040
  const ids = tickets.map(() => `INC${String((next += rng.chance(0.05) ? 2 : 1)).padStart(7, '0')}`)
  const rowOf = (t: Ticket, id: string): Row => {
    const [impact, urgency] = IMPACT_URGENCY[t.priority.canon] ?? ['2 - Medium', '2 - Medium']
    const closed = t.resolved !== null && t.resolved + 5 * DAY <= EXPORT_AT ? t.resolved + 5 * DAY : null
    const updated = Math.max(t.created, t.firstResponse ?? 0, t.recovered ?? 0, t.resolved ?? 0, closed ?? 0)
    return {
      number: id, short_description: t.subject, caller_id: t.person.name, priority: t.priority.raw, impact, urgency,
      state: state(t), contact_type: t.channel.raw, category: t.cat.cells['category'] ?? null,
      subcategory: t.cat.cells['subcategory'] ?? null, assignment_group: t.cat.fault ? 'SAP B1 Partner L2' : 'SAP B1 Partner Service Desk',
      assigned_to: t.firstResponse === null ? null : t.handler,
      close_code: t.resolved === null ? null : t.cat.fault ? 'Solved (Permanently)' : rng.chance(0.2) ? 'Solved (Work Around)' : 'Solved (Permanently)',
      opened_at: t.created, u_first_response_at: t.firstResponse, u_restored_at: t.recovered, resolved_at: t.resolved,
      closed_at: closed, sys_updated_on: updated, reopen_count: t.reopens,
    }
  }
  const base = tickets.map((t, i) => rowOf(t, ids[i] ?? ''))
  const template = tickets[Math.floor(tickets.length * 0.66)]
  if (template === undefined) throw new Error('template ticket missing')
  const badId = `INC${String(next + 7).padStart(7, '0')}`
  // Migrated from the old partner's tracker: resolved_at carried over from a previous ticket.
  const bad: Extra<Row> = {
    row: rowOf({ ...template, firstResponse: template.created + 2 * HOUR, recovered: null, resolved: template.created - 3 * DAY + 40 * MINUTE }, badId),
    id: badId, kind: 'resolved_at before created_at', before: template.seq,
  }
  const placed = placeExtras(rng, base, [bad], 2)

  const columnData: ColumnSource[] = COLUMNS.map(([name, kind]) => ({
    name,
    data: placed.rows.map((r) => {
      const v = r[name]
      return kind === 'timestamp' && typeof v === 'number' ? new Date(v) : v
    }),
  }))
  const schema: SchemaElement[] = [
    { name: 'root', num_children: COLUMNS.length },
    ...COLUMNS.map(([name, kind]): SchemaElement => kind === 'timestamp'
      // Wall-clock timestamps: TIMESTAMP(isAdjustedToUTC = false, MILLIS) reads back as the same wall-clock time.
      ? { name, type: 'INT64', repetition_type: 'OPTIONAL', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: false, unit: 'MILLIS' } }
      : kind === 'int'
        ? { name, type: 'INT32', repetition_type: 'REQUIRED' }
        : { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' }),
  ]
  const bytes = new Uint8Array(parquetWriteBuffer({ columnData, schema, createdBy: 'servicewall demo generator (hyparquet-writer)' }))

  const canon: CanonTicket[] = tickets.map((t, i) => ({
    ticket_id: ids[i] ?? '', vendor: VENDOR, created_at: t.created, first_response_at: t.firstResponse,
    resolved_at: t.resolved, recovered_at: t.recovered, priority: t.priority.canon, channel: t.channel.canon,
    category: t.cat.category, is_fault: t.cat.fault, reopen_count: t.reopens, satisfaction: null, customer: t.person.name,
  }))
  const known: Record<KnownFlag, boolean> = {
    first_response: true, resolved: true, reopen: true, satisfaction: false, channel: true, fault: true, customer: true, category: true,
  }
  return {
    file: FILE, bytes, tickets: canon,
    manifest: {
      file: FILE, vendor: VENDOR, vendor_source: 'file name', format: 'parquet',
      imitates: 'ServiceNow incident table extract (field names as in the dictionary) landed as Parquet',
      encoding: 'binary', grid_encoding: 'binary', header_row: 1, first_data_row: 2,
      data_rows: placed.rows.length, bad_rows: placed.rejected.length, rejected: placed.rejected,
      duplicates: 0, duplicate_ids: [], tickets: canon.length,
      mapping: {
        ticket_id: 'number', created_at: 'opened_at', first_response_at: 'u_first_response_at', resolved_at: 'resolved_at',
        recovered_at: 'u_restored_at', priority: 'priority', channel: 'contact_type', category: 'subcategory',
        fault_type: 'category', reopen_count: 'reopen_count', customer: 'caller_id',
      },
      absent: ['vendor', 'satisfaction'], known, counts: countFacts(canon, known),
    },
  }
}
