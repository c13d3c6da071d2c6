import { Random } from '../data/gen/prng'

export const VENDORS = ['简道云ERP', '金蝶云星辰', '用友U9', '纷享销客', 'SAP B1']
export const PRIORITIES = ['紧急', '高', '中', '低']
const CHANNELS = ['电话', '在线客服', '工单', '邮件', '微信', '上门']
const CATEGORIES = ['审批流程', '表单配置', '权限管理', '资产台账', '邮件通知', '系统故障']
const SATISFACTION = ['非常满意', '满意', '一般', '不满意', '']

function stamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ')
}

/**
 * A UTF-8 CSV of `rows` synthetic tickets (Chinese headers), about 190 bytes a row.
 * `firstId` numbers the tickets from there, so the parts of one data set split over
 * several files do not share ticket ids (the wall would count them as duplicates).
 */
export function benchCsv(rows: number, seed = 7, firstId = 0): string {
  const r = new Random(seed)
  const start = Date.UTC(2025, 11, 1)
  const year = 365 * 86_400_000
  const parts: string[] = ['工单编号,厂商,创建时间,首次响应时间,解决时间,优先级,受理渠道,问题分类,重开次数,满意度,提交人,标题\n']
  for (let i = 0; i < rows; i++) {
    const created = start + Math.floor(r.float() * year / 60000) * 60000
    const response = created + Math.floor(r.float() * r.float() * 600) * 60000
    const resolved = r.float() < 0.92 ? stamp(response + Math.floor(r.float() * 3000) * 60000) : ''
    parts.push([
      `T${firstId + i}`, VENDORS[i % 5], stamp(created), stamp(response), resolved,
      PRIORITIES[Math.floor(r.float() * 4)], CHANNELS[Math.floor(r.float() * 6)], CATEGORIES[Math.floor(r.float() * 6)],
      r.float() < 0.1 ? '1' : '0', SATISFACTION[Math.floor(r.float() * 5)], `部门${Math.floor(r.float() * 400)}`,
      `"审批单无法提交,提示权限不足 ${i}"`,
    ].join(',') + '\n')
  }
  return parts.join('')
}
