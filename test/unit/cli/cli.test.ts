import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { cli } from '../helpers/cli'

let dir = ''
const file = (name: string) => path.join(dir, name)

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'servicewall-cli-'))
  writeFileSync(file('金蝶云星辰_服务单.csv'), [
    '工单编号,创建时间,首次响应时间,解决时间,优先级,受理渠道,问题分类,重开次数,满意度,提交人',
    'K1,2026-03-02 09:00,2026-03-02 09:20,2026-03-02 10:00,紧急,电话,审批流程,0,5,行政部',
    'K2,2026-03-03 09:00,2026-03-03 11:00,2026-03-04 09:00,中,微信,表单配置,1,4,财务部',
    'K3,2026-04-01 09:00,2026-04-01 09:10,,低,邮件,审批流程,0,,行政部',
    ',2026-04-01 09:00,,,低,邮件,审批流程,0,,行政部',
  ].join('\r\n'))
  writeFileSync(file('export.csv'), [
    // Headers no alias or keyword family knows ("Case No." / "Opened On" are recognised since the keyword families).
    'Ref,Stamp,Answered',
    'C1,2026-03-05 10:00,2026-03-05 10:30',
  ].join('\n'))
  writeFileSync(file('map.json'), JSON.stringify({ ticket_id: 'Ref', created_at: 'Stamp', first_response_at: 'Answered' }))
  writeFileSync(file('broken.xlsx'), 'this is not a workbook')
})

describe('servicewall report', () => {
  it('prints the readable report with grades, ranking and the import summary', async () => {
    const r = await cli('report', file('金蝶云星辰_服务单.csv'))
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('| 1 | 金蝶云星辰 |')
    expect(r.stdout).toMatch(/Avg first response \(min\)[^\n]*\| 50\.00 \(common\)/)
    expect(r.stdout).toContain('| 金蝶云星辰_服务单.csv | csv | utf-8 | 4 | 3 | 1 | 0 |  |')
  })

  it('json: the contract keys, NULL as null, rejected rows with row numbers', async () => {
    const r = await cli('report', '--format', 'json', '--as-of', '2026-04-01 10:00', file('金蝶云星辰_服务单.csv'))
    const j = JSON.parse(r.stdout)
    expect(j.as_of).toBe('2026-04-01 10:00:00')
    expect(j.overall.tickets).toBe(3)
    expect(j.overall.first_response_avg_min).toBeCloseTo(50, 9) // (20 + 120 + 10) / 3
    expect(j.overall.recovery_avg_min).toBeNull()
    expect(j.vendors[0]).toMatchObject({ vendor: '金蝶云星辰', rank: 1 })
    expect(Object.keys(j.vendors[0].dimensions)).toEqual(['response_speed', 'problem_solving', 'coverage', 'improvement', 'reputation', 'external'])
    expect(j.months.map((m: { month: string }) => m.month)).toEqual(['2026-03', '2026-04'])
    expect(j.import.files[0]).toMatchObject({ rows: 4, loaded: 3, rejected: 1, duplicates: 0, error: null, encoding: 'utf-8' })
    expect(j.import.rejected).toEqual([{ file: '金蝶云星辰_服务单.csv', row: 5, reason: expect.stringContaining('ticket_id') }])
  })

  it('filters by month and vendor, names vendors with --vendor', async () => {
    const r = await cli('report', '--format', 'json', '--from', '2026-04', '--to', '2026-04',
      '--vendor', `${file('金蝶云星辰_服务单.csv')}=Kingdee`, file('金蝶云星辰_服务单.csv'))
    const j = JSON.parse(r.stdout)
    expect(j.overall.tickets).toBe(1)
    expect(j.vendors.map((v: { vendor: string }) => v.vendor)).toEqual(['Kingdee'])
    const only = JSON.parse((await cli('report', '--format', 'json', '--only-vendor', 'Nobody', file('金蝶云星辰_服务单.csv'))).stdout)
    expect(only.overall.tickets).toBe(0)
    expect(only.overall.first_response_avg_min).toBeNull()
  })

  it('unrecognised headers: a clear error, fixed by --map', async () => {
    const bad = await cli('report', file('export.csv'))
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('ticket_id')
    expect(bad.stderr).toContain('"Ref"')
    expect(bad.stderr).toContain('--map')
    const ok = await cli('report', '--format', 'json', '--map', file('map.json'), file('export.csv'))
    expect(ok.code).toBe(0)
    const j = JSON.parse(ok.stdout)
    expect(j.vendors[0].vendor).toBe('export')
    expect(j.overall.first_response_avg_min).toBe(30)
  })

  it('a broken file is listed with its error and the good one is still reported', async () => {
    const r = await cli('report', '--format', 'json', file('broken.xlsx'), file('金蝶云星辰_服务单.csv'), file('missing.csv'))
    expect(r.code).toBe(0)
    const j = JSON.parse(r.stdout)
    expect(j.import.files.map((f: { file: string, error: string | null }) => [f.file, f.error !== null])).toEqual([
      ['broken.xlsx', true], ['金蝶云星辰_服务单.csv', false], ['missing.csv', true],
    ])
    expect(j.overall.tickets).toBe(3)
    expect(r.stderr).toContain('broken.xlsx')
  })

  it('exit 2 when nothing loads; usage errors are explained', async () => {
    const r = await cli('report', file('broken.xlsx'))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('no file could be loaded')
    const u = await cli('report', '--from', '2026-13', file('金蝶云星辰_服务单.csv'))
    expect(u.code).toBe(2)
    expect(u.stderr).toContain('--from expects YYYY-MM')
  })

  it('csv output and --out', async () => {
    const out = file('report.csv')
    const r = await cli('report', '--format', 'csv', '--out', out, '--config', file('map.json').replace('map.json', 'cfg.json'), file('金蝶云星辰_服务单.csv'))
    expect(r.code).toBe(2) // the config file does not exist
    writeFileSync(file('cfg.json'), JSON.stringify({ headcount: 10 }))
    const ok = await cli('report', '--format', 'csv', '--out', out, '--config', file('cfg.json'), file('金蝶云星辰_服务单.csv'))
    expect(ok.code).toBe(0)
    const text = readFileSync(out, 'utf8')
    expect(text.startsWith('\uFEFF')).toBe(true)
    const lines = text.slice(1).trim().split('\r\n')
    expect(lines[0]).toMatch(/^scope,vendor,month,rank,score,/)
    expect(lines[1]).toMatch(/^overall,/)
    expect(lines[2]).toMatch(/^vendor,金蝶云星辰,,1,/)
  })

  it('the column report in md and json; --map INPUT=FILE maps one file, --map FILE the others', async () => {
    writeFileSync(file('a_x.csv'), 'Ref,Stamp,Answered,Col\nA1,2026-03-05 10:00,2026-03-05 10:30,紧急\nA2,2026-03-05 11:00,,低\n')
    writeFileSync(file('b_x.csv'), 'Ref,Stamp,Answered\nB1,2026-03-05 10:00,2026-03-05 11:00\n')
    writeFileSync(file('map-a.json'), JSON.stringify({ ticket_id: 'Ref', created_at: 'Stamp', first_response_at: 'Answered', priority: 'Col' }))
    const md = await cli('report', '--map', `${file('a_x.csv')}=${file('map-a.json')}`, '--map', file('map.json'), file('a_x.csv'), file('b_x.csv'))
    expect(md.code).toBe(0)
    expect(md.stdout).toContain('## Columns 列')
    expect(md.stdout).toContain('| 4 | Col | priority | mapping | labels: 紧急 → P1, 低 → P4 |')
    expect(md.stdout).toMatch(/no channel column: this file's tickets are left out of the channel count/)
    const j = JSON.parse((await cli('report', '--format', 'json', '--map', `a_x.csv=${file('map-a.json')}`, '--map', file('map.json'), file('a_x.csv'), file('b_x.csv'))).stdout)
    const [a, b] = j.import.files
    expect(a.columns.map((c: { field: string | null }) => c.field)).toEqual(['ticket_id', 'created_at', 'first_response_at', 'priority'])
    expect(b.columns.map((c: { how: string }) => c.how)).toEqual(['mapping', 'mapping', 'mapping'])
    expect(a.missing.map((m: { field: string }) => m.field)).toContain('satisfaction')
    expect(j.priorities.map((p: { priority: string }) => p.priority)).toEqual(['P1', 'P3', 'P4'])
    const bad = await cli('report', '--map', `nope.csv=${file('map-a.json')}`, file('a_x.csv'))
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('"nope.csv" is not one of the input files')
  })

  it('a config that fails validation: exit 2 with every field and reason, nothing printed', async () => {
    writeFileSync(file('bad.json'), JSON.stringify({ calendars: { 金蝶云星辰: { hours: [['18:00', '09:00']] } }, ratings: { 金蝶云星辰: 12 } }))
    const r = await cli('report', '--config', file('bad.json'), file('金蝶云星辰_服务单.csv'))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('config: calendars.金蝶云星辰.hours[0]: starts at or after its end')
    expect(r.stderr).toContain('config: ratings.金蝶云星辰: must be a rating 0..10, got 12')
    expect(r.stdout).toBe('')
  })

  it('business-hours rows appear in the md report only when a vendor has a working calendar', async () => {
    const plain = await cli('report', file('金蝶云星辰_服务单.csv'))
    expect(plain.stdout).not.toContain('business hours')
    writeFileSync(file('cal.json'), JSON.stringify({ calendars: { 金蝶云星辰: { days: [1, 2, 3, 4, 5], hours: [['09:00', '12:00'], ['13:30', '18:00']] } } }))
    const r = await cli('report', '--config', file('cal.json'), file('金蝶云星辰_服务单.csv'))
    expect(r.code).toBe(0)
    // K1 20 min, K2 120 min, K3 10 min: all inside working hours, so equal to the plain average 50.
    expect(r.stdout).toMatch(/\| Avg first response, business hours \(min\) 工作时间平均首次响应 \| 50\.00/)
    // Resolution: K1 60; K2 Tue 09:00 → Wed 09:00 = one working day of 450 min → (60 + 450) / 2.
    expect(r.stdout).toMatch(/\| Avg resolution, business hours \(min\) 工作时间平均解决时长 \| 255\.00/)
  })
})
