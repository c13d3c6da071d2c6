/** 简道云ERP: a Chinese ticket-form export re-saved by Excel as CSV: GBK, CRLF, `2025/3/7 9:05` dates, no vendor column. */
import iconv from 'iconv-lite'
import type { KnownFlag } from '../../src/core/schema.ts'
import { countFacts, type CanonTicket, type VendorExport } from './canon.ts'
import { csvText } from './csv.ts'
import { placeExtras, type Extra } from './dirt.ts'
import type { Ticket } from './model.ts'
import { Random } from './prng.ts'
import { EXPORT_AT } from './calendar.ts'
import { DAY, HOUR, MINUTE, fmtExcelCsv, parts } from './time.ts'

const VENDOR = '简道云ERP'
const FILE = '简道云ERP_工单导出.csv'
const HEADERS = ['工单编号', '标题', '提交时间', '首次响应时间', '解决时间', '紧急程度', '受理渠道', '问题分类', '是否重开', '满意度', '提交人', '处理人', '状态']
const LABELS = ['', '非常不满意', '不满意', '一般', '满意', '非常满意'] as const

const pad = (n: number, w: number): string => String(n).padStart(w, '0')
const ts = (ms: number | null): string => (ms === null ? '' : fmtExcelCsv(ms))

function status(t: Ticket): string {
  if (t.resolved !== null) return EXPORT_AT - t.resolved > 7 * DAY ? '已关闭' : '已解决'
  if (t.firstResolved !== null) return '重新打开'
  return t.firstResponse === null ? '待受理' : '处理中'
}

/** A handful of titles as people type them: ASCII commas, a quote, a line break. */
function title(rng: Random, t: Ticket): string {
  const base = (t.priority.canon === 'P1' ? '【紧急】' : '') + t.subject
  if (t.seq % 397 === 11) return `${base}, 截图已发群里, 请尽快处理`
  if (t.seq % 613 === 5) return `${base}\n补充：影响整个部门，今天必须解决`
  if (t.seq % 829 === 3) return `${base}，系统提示"没有权限"`
  return rng.chance(0.03) ? `${base}（第二次反馈）` : base
}

export function writeJdy(seed: number, tickets: Ticket[]): VendorExport {
  const rng = Random.derive(seed, 'write-jdy')
  const perDay = new Map<string, number>()
  const ids = tickets.map((t) => {
    const p = parts(t.created)
    const day = `${p.y}${pad(p.m, 2)}${pad(p.d, 2)}`
    const n = (perDay.get(day) ?? 0) + 1
    perDay.set(day, n)
    return `GD${day}${pad(n, 3)}`
  })
  const titles = tickets.map((t) => title(rng, t))
  const rowOf = (t: Ticket, id: string): string[] => [
    id, titles[t.seq] ?? '', ts(t.created), ts(t.firstResponse), ts(t.resolved), t.priority.raw, t.channel.raw,
    t.cat.cells['问题分类'] ?? '', t.reopens > 0 ? '是' : '否', t.csatLevel === null ? '' : LABELS[t.csatLevel] ?? '',
    `${t.person.dept}-${t.person.name}`, t.firstResponse === null ? '' : t.handler, status(t),
  ]
  const base = tickets.map((t, i) => rowOf(t, ids[i] ?? ''))

  // Dirt: three stale snapshots of resolved tickets (before their final row), three rows the contract rejects.
  const extras: Extra<string[]>[] = []
  const resolvedIdx = tickets.map((t, i) => (t.resolved !== null && t.firstResponse !== null ? i : -1)).filter((i) => i > 100)
  for (const i of rng.sample(resolvedIdx, 3)) {
    const t = tickets[i]
    const id = ids[i] ?? ''
    if (t === undefined) continue
    const stale = rowOf({ ...t, resolved: null, firstResolved: null, reopens: 0, csatLevel: null }, id)
    extras.push({ row: stale, id, kind: 'duplicate', before: i })
  }
  const at = (share: number): [Ticket, string, number] => {
    const i = Math.floor(tickets.length * share)
    const t = tickets[i]
    if (t === undefined) throw new Error('template ticket missing')
    return [t, (ids[i] ?? '').slice(2, 10), i]
  }
  {
    // A draft saved without its number.
    const [t, , i] = at(0.31)
    extras.push({ row: rowOf(t, ''), id: '', kind: 'missing ticket_id', before: i })
  }
  {
    const [t, day, i] = at(0.58)
    const id = `GD${day}901`
    const row = rowOf({ ...t, firstResponse: null, firstResolved: null, resolved: null, reopens: 0, csatLevel: null }, id)
    row[2] = '待定'
    extras.push({ row, id, kind: 'unparseable created_at', before: i })
  }
  {
    // 解决时间 typed with the previous day's date.
    const [t, day, i] = at(0.77)
    const id = `GD${day}902`
    const row = rowOf({ ...t, firstResponse: t.created + 20 * MINUTE, resolved: t.created - DAY + 2 * HOUR + 13 * MINUTE }, id)
    extras.push({ row, id, kind: 'resolved_at before created_at', before: i })
  }
  const placed = placeExtras(rng, base, extras, 2)
  const text = csvText([HEADERS, ...placed.rows], '\r\n')
  const bytes = new Uint8Array(iconv.encode(text, 'gbk'))
  if (iconv.decode(Buffer.from(bytes), 'gbk') !== text) throw new Error(`${FILE}: text not representable in GBK`)

  const canon: CanonTicket[] = tickets.map((t, i) => ({
    ticket_id: ids[i] ?? '', vendor: VENDOR, created_at: t.created, first_response_at: t.firstResponse,
    resolved_at: t.resolved, recovered_at: null, priority: t.priority.canon, channel: t.channel.canon,
    category: t.cat.category, is_fault: t.cat.fault, reopen_count: t.reopens > 0 ? 1 : 0,
    satisfaction: t.csatLevel === null ? null : t.csatLevel * 2, customer: `${t.person.dept}-${t.person.name}`,
  }))
  const known: Record<KnownFlag, boolean> = {
    first_response: true, resolved: true, reopen: true, satisfaction: true, channel: true, fault: true, customer: true, category: true,
  }
  return {
    file: FILE, bytes, tickets: canon,
    manifest: {
      file: FILE, vendor: VENDOR, vendor_source: 'file name', format: 'csv',
      imitates: '简道云 form data export opened and re-saved as CSV by Chinese Excel',
      encoding: 'gbk', grid_encoding: 'gb18030', line_ending: 'CRLF', header_row: 1, first_data_row: 2,
      data_rows: placed.rows.length, bad_rows: placed.rejected.length, rejected: placed.rejected,
      duplicates: placed.duplicateIds.length, duplicate_ids: placed.duplicateIds, tickets: canon.length,
      mapping: {
        ticket_id: '工单编号', created_at: '提交时间', first_response_at: '首次响应时间', resolved_at: '解决时间',
        priority: '紧急程度', channel: '受理渠道', category: '问题分类', reopen_count: '是否重开', satisfaction: '满意度', customer: '提交人',
      },
      absent: ['vendor', 'recovered_at'], known, counts: countFacts(canon, known),
    },
  }
}
