/** 金蝶云星辰: a service-order list exported to XLSX: title and subtitle rows, header on row 3, date serials, a notes sheet. */
import type { KnownFlag } from '../../src/core/schema.ts'
import { EXPORT_AT } from './calendar.ts'
import { countFacts, type CanonTicket, type VendorExport } from './canon.ts'
import { placeExtras, type Extra } from './dirt.ts'
import type { Ticket } from './model.ts'
import { Random } from './prng.ts'
import { DAY, HOUR, MINUTE, excelSerial, parts } from './time.ts'
import { writeXlsx, type Cell } from './xlsx-writer.ts'

const VENDOR = '金蝶云星辰'
const FILE = '金蝶云星辰_服务单.xlsx'
const SHEET = '服务单'
const HEADERS = ['单据编号', '标题', '创建时间', '首次回复时间', '完成时间', '优先级', '来源渠道', '问题类型', '子分类', '重开次数', '满意度评分', '申请人', '申请部门', '单据状态', '服务人员']
const WIDTHS = [18, 36, 17, 17, 17, 8, 10, 10, 18, 9, 11, 9, 12, 10, 16]
const FIRST_DATA_ROW = 4

const date = (ms: number | null): Cell => (ms === null ? null : { v: excelSerial(ms), s: 'date' })

function status(t: Ticket): string {
  if (t.resolved !== null) return EXPORT_AT - t.resolved > 3 * DAY ? '已关闭' : '已完成'
  return t.firstResponse === null ? '待处理' : '处理中'
}

export function writeKingdee(seed: number, tickets: Ticket[]): VendorExport {
  const rng = Random.derive(seed, 'write-kingdee')
  const ids = tickets.map((t, i) => {
    const p = parts(t.created)
    return `FWD${p.y}${String(p.m).padStart(2, '0')}${String(i + 1).padStart(5, '0')}`
  })
  const rowOf = (t: Ticket, id: string): Cell[] => [
    id || null, t.subject, date(t.created), date(t.firstResponse), date(t.resolved), t.priority.raw, t.channel.raw,
    t.cat.cells['问题类型'] ?? '', t.cat.cells['子分类'] ?? '', t.reopens, t.csatLevel, t.person.name, t.person.dept, status(t),
    t.firstResponse === null ? null : t.handler,
  ]
  const base = tickets.map((t, i) => rowOf(t, ids[i] ?? ''))

  const extras: Extra<Cell[]>[] = []
  const resolvedIdx = tickets.map((t, i) => (t.resolved !== null && t.firstResponse !== null ? i : -1)).filter((i) => i > 50)
  for (const i of rng.sample(resolvedIdx, 2)) {
    const t = tickets[i]
    const id = ids[i] ?? ''
    if (t === undefined) continue
    extras.push({ row: rowOf({ ...t, resolved: null, firstResolved: null, reopens: 0, csatLevel: null }, id), id, kind: 'duplicate', before: i })
  }
  const pickTicket = (share: number): Ticket => {
    const t = tickets[Math.floor(tickets.length * share)]
    if (t === undefined) throw new Error('template ticket missing')
    return t
  }
  {
    const t = pickTicket(0.44)
    const id = `FWD${ids[t.seq]?.slice(3, 9) ?? ''}9${String(t.seq).padStart(4, '0')}`
    const row = rowOf({ ...t, firstResponse: null, resolved: null, reopens: 0, csatLevel: null }, id)
    row[2] = '待定'
    extras.push({ row, id, kind: 'unparseable created_at', before: t.seq })
  }
  {
    const t = pickTicket(0.86)
    const id = `FWD${ids[t.seq]?.slice(3, 9) ?? ''}9${String(t.seq).padStart(4, '0')}`
    // First reply typed on the previous day by mistake.
    const row = rowOf({ ...t, firstResponse: t.created - 15 * HOUR - 12 * MINUTE, resolved: t.created + 3 * HOUR, csatLevel: 4 }, id)
    extras.push({ row, id, kind: 'first_response_at before created_at', before: t.seq })
  }
  const placed = placeExtras(rng, base, extras, FIRST_DATA_ROW)

  const styledHeader: Cell[] = HEADERS.map((h) => ({ v: h, s: 'header' }))
  const lastCol = String.fromCharCode(64 + HEADERS.length)
  const bytes = writeXlsx({
    creator: '行政部-张伟',
    created: { y: 2026, m: 11, d: 26, h: 17, mi: 30 },
    sheets: [
      {
        name: SHEET,
        rows: [
          [{ v: '金蝶云星辰 售后服务单 2025-12 至 2026-11', s: 'title' }],
          [{ v: `导出时间：2026-11-26 17:30\u3000导出人：行政部-张伟\u3000共 ${placed.rows.length} 条`, s: 'note' }],
          styledHeader,
          ...placed.rows,
        ],
        merges: [`A1:${lastCol}1`, `A2:${lastCol}2`],
        widths: WIDTHS,
        freezeRows: 3,
      },
      {
        name: '说明',
        rows: [
          ['字段说明'],
          ['创建时间、首次回复时间、完成时间为服务系统记录的北京时间。'],
          ['优先级：紧急 / 高 / 普通 / 低；紧急单 7×24 小时受理。'],
          ['重开次数：客户确认未解决后重新打开的次数。'],
          ['满意度评分：1–5 分，5 分为非常满意；未评价为空。'],
          ['本表由金蝶云星辰服务工作台导出，仅包含行政办公模块（审批、表单、权限、资产、邮件）。'],
        ],
        widths: [90],
      },
    ],
  })

  const canon: CanonTicket[] = tickets.map((t, i) => ({
    ticket_id: ids[i] ?? '', vendor: VENDOR, created_at: t.created, first_response_at: t.firstResponse,
    resolved_at: t.resolved, recovered_at: null, priority: t.priority.canon, channel: t.channel.canon,
    category: t.cat.category, is_fault: t.cat.fault, reopen_count: t.reopens,
    satisfaction: t.csatLevel === null ? null : t.csatLevel * 2, customer: t.person.name,
  }))
  const known: Record<KnownFlag, boolean> = {
    first_response: true, resolved: true, reopen: true, satisfaction: true, channel: true, fault: true, customer: true, category: true,
  }
  return {
    file: FILE, bytes, tickets: canon,
    manifest: {
      file: FILE, vendor: VENDOR, vendor_source: 'file name', format: 'xlsx',
      imitates: '金蝶云星辰 服务工作台 list export to Excel (title row merged, subtitle, header on row 3, date cells)',
      encoding: 'binary', grid_encoding: 'binary', sheet: SHEET, header_row: 3, first_data_row: FIRST_DATA_ROW,
      data_rows: placed.rows.length, bad_rows: placed.rejected.length, rejected: placed.rejected,
      duplicates: placed.duplicateIds.length, duplicate_ids: placed.duplicateIds, tickets: canon.length,
      mapping: {
        ticket_id: '单据编号', created_at: '创建时间', first_response_at: '首次回复时间', resolved_at: '完成时间',
        priority: '优先级', channel: '来源渠道', category: '子分类', fault_type: '问题类型', reopen_count: '重开次数',
        satisfaction: '满意度评分', customer: '申请人',
      },
      absent: ['vendor', 'recovered_at'], known, counts: countFacts(canon, known),
    },
  }
}
