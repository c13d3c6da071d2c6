import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_READ_LIMITS } from '../../../src/import/types'
import { readXlsx } from '../../../src/import/xlsx'

const run = promisify(execFile)
const BIN = path.resolve(__dirname, '../../../bin/servicewall.mjs')
const HOSTILE = '<img src=x onerror=alert(1)>"=cmd'
let dir = ''
const file = (name: string) => path.join(dir, name)

async function cli(...args: string[]): Promise<{ code: number, stdout: string, stderr: string }> {
  try {
    return { code: 0, ...await run(process.execPath, [BIN, ...args], { maxBuffer: 64 * 1024 * 1024 }) }
  }
  catch (e) {
    return e as { code: number, stdout: string, stderr: string }
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'servicewall-monthly-'))
  writeFileSync(file('a.csv'), [
    '厂商,工单编号,创建时间,首次响应时间,解决时间,优先级,问题分类,提交人',
    `"${HOSTILE.replaceAll('"', '""')}",K1,2025-05-02 09:00,2025-05-02 09:20,2025-05-02 10:00,紧急,审批流程,行政部`,
    'B,K2,2025-06-03 09:00,2025-06-03 13:00,2025-06-04 09:00,紧急,=HYPERLINK("x"),财务部',
    'B,K3,2025-06-05 09:00,,,中,审批流程,行政部',
    `"${HOSTILE.replaceAll('"', '""')}",K4,2025-06-06 09:00,2025-06-06 09:10,2025-06-06 09:30,低,审批流程,行政部`,
  ].join('\r\n'))
})

describe('servicewall report --format html / xlsx (the monthly report)', () => {
  it('writes one self-contained HTML file: inline CSS and SVG, no script, nothing from another origin', async () => {
    const r = await cli('report', '--month', '2025-06', '--format', 'html', '--out', file('report.html'), file('a.csv'))
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const html = readFileSync(file('report.html'), 'utf8')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<link\b/i)
    const urls = [...html.matchAll(/\b(?:src|href|xlink:href)\s*=\s*["']?([^"'\s>]+)/gi)].map(m => m[1])
    expect(urls.filter(u => /^(https?:)?\/\//i.test(u!))).toEqual([])
    expect(html).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i)
    expect(html).not.toMatch(/@import/i)
    expect(html).toContain('<svg')
    expect(html).toContain('@page')
    expect(html).toContain('2025年6月')
    // the hostile vendor is text, never markup
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    // the month's numbers: 3 tickets in June, and B's unanswered K3 is a breach
    expect(html).toMatch(/data-row="tickets"><td[^>]*><span class="v">工单量<\/span><\/td><td class="n" data-col="__overall__" data-value="3"/)
    expect(html).toMatch(/data-table="worst-sla"[\s\S]*data-value="K3"/)
  })

  it('--format xlsx writes a workbook: numbers as numbers, text neutralised, needs --out', async () => {
    expect((await cli('report', '--format', 'xlsx', file('a.csv'))).code).toBe(2)
    const r = await cli('report', '--format', 'xlsx', '--lang', 'en', '--out', file('report.xlsx'), file('a.csv'))
    expect(r.code).toBe(0)
    const book = readXlsx(new Uint8Array(readFileSync(file('report.xlsx'))), DEFAULT_READ_LIMITS)
    expect(book.sheets.map(s => s.name)).toContain('Ranking')
    const cells = book.sheets.flatMap(s => s.rows.flat())
    expect(cells).toContain('\'=HYPERLINK("x")')
    expect(cells).not.toContain('=HYPERLINK("x")')
    const kpi = book.sheets[0]!.rows
    expect(kpi.find(row => row[0] === 'Tickets')?.[1]).toBe('3')
  })

  it('refuses a bad --month and --lang', async () => {
    expect((await cli('report', '--month', '2025-13', '--format', 'html', file('a.csv'))).stderr).toContain('--month expects YYYY-MM')
    expect((await cli('report', '--lang', 'fr', '--format', 'html', file('a.csv'))).code).toBe(2)
  })
})
