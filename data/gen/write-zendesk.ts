/** 用友U9 support runs on Zendesk: its ticket CSV export, UTF-8 with BOM, durations in minutes instead of a first-reply timestamp. */
import type { KnownFlag } from '../../src/core/schema.ts'
import { EXPORT_AT } from './calendar.ts'
import { countFacts, type CanonTicket, type VendorExport } from './canon.ts'
import { BOM, csvText } from './csv.ts'
import type { Ticket } from './model.ts'
import { Random } from './prng.ts'
import { DAY, HOUR, MINUTE, fmtIso, isContractBusinessHour } from './time.ts'

const VENDOR = '用友U9'
const FILE = '用友U9_zendesk_export.csv'
const HEADERS = [
  'Id', 'Requester', 'Requester id', 'Requester email', 'Submitter', 'Assignee', 'Group', 'Subject', 'Tags', 'Status',
  'Priority', 'Via', 'Ticket type', 'Created at', 'Updated at', 'Assigned at', 'Solved at', 'Satisfaction Score', 'Reopens',
  'Replies', 'First reply time in minutes', 'First reply time in minutes within business hours', 'First resolution time in minutes',
  'Full resolution time in minutes', 'Requester wait time in minutes', 'Organization',
]
const TAGS: Record<string, string> = {
  approval: 'approval workflow', form: 'form_designer', permission: 'permission access', asset: 'fixed_asset',
  mail: 'email_notification', report: 'report', login: 'login sso', print: 'print_template', mobile: 'mobile_app',
  data: 'data_import', integration: 'integration api', outage: 'outage p1_incident',
}

const minutes = (from: number, to: number | null): string => (to === null ? '' : String(Math.round((to - from) / MINUTE)))

/** Minutes of [from, to) inside Monday–Friday 09:00–18:00 (Zendesk's "within business hours" columns). */
function businessMinutes(from: number, to: number): number {
  let total = 0
  for (let t = Math.floor(from / HOUR) * HOUR; t < to; t += HOUR) {
    if (!isContractBusinessHour(t)) continue
    total += Math.max(0, Math.min(to, t + HOUR) - Math.max(from, t))
  }
  return Math.round(total / MINUTE)
}

function status(rng: Random, t: Ticket): string {
  if (t.resolved !== null) return EXPORT_AT - t.resolved > 4 * DAY ? 'closed' : 'solved'
  if (t.firstResponse === null) return 'new'
  return rng.weighted(['open', 'pending', 'hold'], (s) => (s === 'open' ? 6 : s === 'pending' ? 3 : 1))
}

function satisfaction(rng: Random, t: Ticket): string {
  if (t.resolved === null) return 'Unoffered'
  if (t.csatLevel === null) return t.surveyOffered ? 'Offered' : 'Not Offered'
  if (t.csatLevel >= 4) return 'Good'
  if (t.csatLevel <= 2) return 'Bad'
  return rng.chance(0.4) ? 'Good' : 'Bad'
}

export function writeZendesk(seed: number, tickets: Ticket[]): VendorExport {
  const rng = Random.derive(seed, 'write-zendesk')
  let next = 48213
  const ids = tickets.map(() => String((next += rng.chance(0.06) ? rng.int(2, 4) : 1)))
  const requesterIds = new Map<string, string>()
  const scores: string[] = []
  const rows = tickets.map((t, i) => {
    const requesterId = requesterIds.get(t.person.email) ?? String(369000000000 + requesterIds.size * 7919 + 1301)
    requesterIds.set(t.person.email, requesterId)
    const score = satisfaction(rng, t)
    scores.push(score)
    const events = [t.created, t.firstResponse, t.resolved, t.firstResolved].filter((x): x is number => x !== null)
    const updated = Math.min(EXPORT_AT, Math.max(...events) + (t.resolved === null ? rng.int(0, 600) * MINUTE : 0))
    const fault = t.cat.fault
    return [
      ids[i] ?? '', t.person.name, requesterId, t.person.email, rng.chance(0.9) ? t.person.name : 'Zhou Jie',
      t.firstResponse === null ? '' : t.handler, fault ? 'U9 二线技术支持' : 'U9 行政办公支持', t.subject,
      `u9 oa ${TAGS[t.cat.topic] ?? ''}`, status(rng, t), t.priority.raw, t.channel.raw, t.cat.cells['Ticket type'] ?? '',
      fmtIso(t.created), fmtIso(updated), t.firstResponse === null ? '' : fmtIso(t.firstResponse), t.resolved === null ? '' : fmtIso(t.resolved),
      score, String(t.reopens), String(t.firstResponse === null ? 0 : rng.int(1, 3) + t.reopens * 2),
      minutes(t.created, t.firstResponse), t.firstResponse === null ? '' : String(businessMinutes(t.created, t.firstResponse)),
      minutes(t.created, t.firstResolved), minutes(t.created, t.resolved),
      t.resolved === null ? '' : String(Math.round(((t.resolved - t.created) / MINUTE) * (0.4 + 0.4 * rng.float()))),
      '优品办公用品有限公司',
    ]
  })
  const text = BOM + csvText([HEADERS, ...rows], '\n')
  const bytes = new TextEncoder().encode(text)

  const canon: CanonTicket[] = tickets.map((t, i) => ({
    ticket_id: ids[i] ?? '', vendor: VENDOR, created_at: t.created, first_response_at: t.firstResponse,
    resolved_at: t.resolved, recovered_at: null, priority: t.priority.canon, channel: t.channel.canon,
    category: t.cat.category, is_fault: t.cat.fault, reopen_count: t.reopens,
    satisfaction: scores[i] === 'Good' ? 10 : scores[i] === 'Bad' ? 0 : null, customer: t.person.name,
  }))
  const known: Record<KnownFlag, boolean> = {
    first_response: true, resolved: true, reopen: true, satisfaction: true, channel: true, fault: true, customer: true, category: true,
  }
  return {
    file: FILE, bytes, tickets: canon,
    manifest: {
      file: FILE, vendor: VENDOR, vendor_source: 'file name', format: 'csv',
      imitates: 'Zendesk Support ticket export (CSV), UTF-8 with BOM',
      encoding: 'utf-8-bom', grid_encoding: 'utf-8-bom', line_ending: 'LF', header_row: 1, first_data_row: 2,
      data_rows: rows.length, bad_rows: 0, rejected: [], duplicates: 0, duplicate_ids: [], tickets: canon.length,
      mapping: {
        ticket_id: 'Id', created_at: 'Created at', first_response_min: 'First reply time in minutes', resolved_at: 'Solved at',
        resolution_min: 'Full resolution time in minutes',
        priority: 'Priority', channel: 'Via', category: 'Ticket type', fault_type: 'Ticket type', reopen_count: 'Reopens',
        satisfaction: 'Satisfaction Score', customer: 'Requester',
      },
      absent: ['vendor', 'recovered_at'],
      known, counts: countFacts(canon, known),
    },
  }
}
