/** Training records: one row per person per course, UTF-8 CSV. Coverage differs per vendor; SAP B1 trained nobody. */
import { csvText } from './csv.ts'
import type { Person } from './people.ts'
import { Random } from './prng.ts'
import type { Profile } from './profiles.ts'
import { DAY, fmtDate, isWorkday, wall } from './time.ts'

export const TRAINING_FILE = '培训记录.csv'

const COURSES: Record<string, string[]> = {
  简道云ERP: ['简道云表单与流程搭建', '审批流高级设置', '权限与数据安全', '仪表盘与报表'],
  金蝶云星辰: ['星辰行政办公入门', '审批流配置实操', '资产卡片与盘点', '邮件与消息通知', '管理员权限管理', '年终盘点专项'],
  用友U9: ['U9 OA 审批应用', 'U9 资产管理', 'U9 系统管理员'],
  纷享销客: ['纷享销客审批与表单', '移动端使用'],
}

export interface TrainingOutput {
  bytes: Uint8Array
  rows: number
  trained: Record<string, number>
}

export function writeTraining(seed: number, roster: Person[], profiles: Profile[]): TrainingOutput {
  const rng = Random.derive(seed, 'training')
  const keyUsers = roster.filter((p) => p.keyUser)
  const records: { vendor: string, person: string, date: number, course: string }[] = []
  const trained: Record<string, number> = {}
  for (const profile of profiles) {
    const courses = COURSES[profile.vendor] ?? []
    const people = rng.sample(keyUsers, profile.trained)
    trained[profile.vendor] = people.length
    if (people.length === 0) continue
    const dates = courses.map(() => {
      let d = wall(2025, 12, 8) + rng.int(0, 330) * DAY
      while (!isWorkday(d)) d += DAY
      return d
    })
    // Everyone selected attends one course; about a third attend a second one.
    people.forEach((person, i) => {
      const first = i % courses.length
      const attended = rng.chance(0.35) ? [first, (first + 1 + rng.int(0, courses.length - 2)) % courses.length] : [first]
      for (const c of new Set(attended)) {
        records.push({ vendor: profile.vendor, person: person.name, date: dates[c] ?? 0, course: courses[c] ?? '' })
      }
    })
  }
  const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0)
  records.sort((a, b) => a.date - b.date || cmp(a.vendor, b.vendor) || cmp(a.person, b.person))
  const rows = records.map((r) => [r.vendor, r.person, fmtDate(r.date), r.course])
  const bytes = new TextEncoder().encode(csvText([['厂商', '参训人', '培训日期', '课程'], ...rows], '\n'))
  return { bytes, rows: rows.length, trained }
}
