/** 纷享销客 support runs on Jira Service Management: its "Export CSV (all fields)", UTF-8, LF, Jira dates, repeated Labels columns. */
import type { KnownFlag } from '../../src/core/schema.ts'
import { EXPORT_AT } from './calendar.ts'
import { countFacts, type CanonTicket, type VendorExport } from './canon.ts'
import { csvText } from './csv.ts'
import type { Ticket } from './model.ts'
import { Random } from './prng.ts'
import { DAY, HOUR, MINUTE, fmtJira } from './time.ts'

const VENDOR = '纷享销客'
const FILE = '纷享销客_jira_service_management.csv'
const FR_HOURS = 'Custom field (First response time (in hrs))'
const HEADERS = [
  'Summary', 'Issue key', 'Issue id', 'Issue Type', 'Status', 'Project key', 'Project name', 'Priority', 'Resolution',
  'Assignee', 'Reporter', 'Creator', 'Created', 'Updated', 'Resolved', 'Labels', 'Labels',
  'Custom field (Request Type)', 'Custom field (Request channel type)', 'Custom field (Satisfaction)',
  'Custom field (Satisfaction date)', FR_HOURS,
]
const LABELS: Record<string, [string, string]> = {
  approval: ['OA', '审批'], form: ['OA', '表单'], permission: ['权限', ''], asset: ['资产', ''], mail: ['邮件', 'OA'],
  report: ['报表', ''], login: ['账号', ''], print: ['打印', ''], mobile: ['移动端', ''], data: ['数据', ''],
  integration: ['接口', ''], outage: ['P1', '故障'],
}

const jira = (ms: number | null): string => (ms === null ? '' : fmtJira(ms))

function status(rng: Random, t: Ticket): string {
  if (t.resolved !== null) return EXPORT_AT - t.resolved > 7 * DAY ? 'Closed' : 'Resolved'
  if (t.firstResolved !== null) return 'Reopened'
  if (t.firstResponse === null) return 'Waiting for support'
  return rng.weighted(['In Progress', 'Waiting for customer', 'Escalated'], (s) => (s === 'In Progress' ? 6 : s === 'Escalated' ? 1 : 3))
}

export function writeJira(seed: number, tickets: Ticket[]): VendorExport {
  const rng = Random.derive(seed, 'write-jira')
  let key = 1020
  let issueId = 10432
  const keys: string[] = []
  const rows = tickets.map((t) => {
    key += rng.chance(0.03) ? 2 : 1 // the odd deleted issue
    issueId += rng.int(1, 3)
    keys.push(`FX-${key}`)
    const [label1, label2] = LABELS[t.cat.topic] ?? ['', '']
    const rated = t.csatLevel !== null && t.resolved !== null
    const ratedAt = rated && t.resolved !== null ? Math.min(EXPORT_AT, t.resolved + rng.int(10, 2880) * MINUTE) : null
    const updated = Math.min(EXPORT_AT, Math.max(t.created, t.firstResponse ?? 0, t.resolved ?? 0, ratedAt ?? 0) + rng.int(0, 120) * MINUTE)
    const hours = t.firstResponse === null ? '' : ((t.firstResponse - t.created) / HOUR).toFixed(2)
    return [
      t.subject, `FX-${key}`, String(issueId), t.cat.cells['Issue Type'] ?? '', status(rng, t), 'FX', '纷享销客 行政办公服务台',
      t.priority.raw, t.resolved === null ? '' : 'Done', t.firstResponse === null ? '' : t.handler, t.person.name,
      t.channel.raw === 'jira' ? t.handler : t.person.name, jira(t.created), jira(updated), jira(t.resolved), label1, label2,
      t.cat.cells['Custom field (Request Type)'] ?? '', t.channel.raw, rated ? String(t.csatLevel) : '', jira(ratedAt), hours,
    ]
  })
  const bytes = new TextEncoder().encode(csvText([HEADERS, ...rows], '\n'))

  const canon: CanonTicket[] = tickets.map((t, i) => ({
    ticket_id: keys[i] ?? '', vendor: VENDOR, created_at: t.created, first_response_at: t.firstResponse,
    resolved_at: t.resolved, recovered_at: null, priority: t.priority.canon, channel: t.channel.canon,
    category: t.cat.category, is_fault: t.cat.fault, reopen_count: null,
    satisfaction: t.csatLevel === null || t.resolved === null ? null : t.csatLevel * 2, customer: t.person.name,
  }))
  const known: Record<KnownFlag, boolean> = {
    first_response: true, resolved: true, reopen: false, satisfaction: true, channel: true, fault: true, customer: true, category: true,
  }
  return {
    file: FILE, bytes, tickets: canon,
    manifest: {
      file: FILE, vendor: VENDOR, vendor_source: 'file name', format: 'csv',
      imitates: 'Jira Service Management issue navigator "Export CSV (all fields)"',
      encoding: 'utf-8', grid_encoding: 'utf-8', line_ending: 'LF', header_row: 1, first_data_row: 2,
      data_rows: rows.length, bad_rows: 0, rejected: [], duplicates: 0, duplicate_ids: [], tickets: canon.length,
      mapping: {
        ticket_id: 'Issue key', created_at: 'Created', first_response_hours: FR_HOURS, resolved_at: 'Resolved',
        priority: 'Priority', channel: 'Custom field (Request channel type)', category: 'Custom field (Request Type)',
        fault_type: 'Issue Type', satisfaction: 'Custom field (Satisfaction)', customer: 'Reporter',
      },
      absent: ['vendor', 'reopen_count', 'recovered_at'], known, counts: countFacts(canon, known),
    },
  }
}
