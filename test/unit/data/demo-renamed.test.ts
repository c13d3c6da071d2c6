import type { ImportedFile } from '../../../src/core/dataset'
import type { KpiReport } from '../../../src/core/report-types'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { beforeAll, describe, expect, it } from 'vitest'
import { DATA_DIR, DEMO_DIR, demoFileNames, demoReport } from '../../../data/demo-report'
import { mergeConfig } from '../../../src/core/config-merge'
import { Dataset } from '../../../src/core/dataset'
import { computeReport } from '../../../src/core/report'
import { createNodeEngine } from '../../../src/db/node-engine'
import { importFile } from '../../../src/import/import-file'

/**
 * The demo exports with their headers renamed to other variants real exports use (other
 * products' names for the same field, keyword-only names, full-width brackets): the report
 * must not move. Header lines are rewritten; the rows stay byte for byte.
 */
const RENAMES: Record<string, { encoding: 'gbk' | 'utf8', headers: Record<string, string> }> = {
  '简道云ERP_工单导出.csv': {
    encoding: 'gbk',
    headers: {
      工单编号: '服务单号', 提交时间: '报修时间', 首次响应时间: '首次答复时刻', 解决时间: '结单时刻', 紧急程度: '优先级',
      受理渠道: '来源渠道', 问题分类: '问题类别', 是否重开: '是否重新打开', 满意度: '客户满意度', 提交人: '报修人',
    },
  },
  '用友U9_zendesk_export.csv': {
    encoding: 'utf8',
    headers: {
      'Id': 'Ticket ID', 'Requester': 'Requester name', 'Via': 'Channel', 'Ticket type': 'Type', 'Created at': 'Created time',
      'Solved at': 'Resolved time', 'Satisfaction Score': 'Satisfaction rating', 'Reopens': 'Reopen count',
      'First reply time in minutes': '首次响应时长（分钟）', 'Full resolution time in minutes': 'Resolution time (in minutes)',
    },
  },
  '纷享销客_jira_service_management.csv': {
    encoding: 'utf8',
    headers: {
      'Issue key': 'Key', 'Custom field (Satisfaction)': 'Satisfaction rating', 'Custom field (Request channel type)': 'Custom field (Source)',
      'Custom field (First response time (in hrs))': 'First response time (in hrs)', 'Created': 'Date created', 'Resolved': 'Resolution date',
    },
  },
}

function renamed(name: string): Uint8Array {
  const bytes = readFileSync(join(DEMO_DIR, name))
  const spec = RENAMES[name]
  if (!spec) return new Uint8Array(bytes)
  const text = spec.encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : bytes.toString('utf8')
  const cut = text.search(/\r?\n/)
  const header = text.slice(0, cut).replace(/^\uFEFF/, '').split(',').map(h => spec.headers[h] ?? h).join(',')
  const out = (spec.encoding === 'utf8' ? '\uFEFF' : '') + header + text.slice(cut)
  return new Uint8Array(spec.encoding === 'gbk' ? iconv.encode(out, 'gbk') : Buffer.from(out, 'utf8'))
}

async function reportOf(files: ImportedFile[]): Promise<KpiReport> {
  const config = mergeConfig(JSON.parse(readFileSync(join(DATA_DIR, 'demo-config.json'), 'utf8')))
  const engine = await createNodeEngine()
  try {
    const ds = await Dataset.open(engine, config)
    await ds.add(files)
    return await computeReport(engine, config, { from: null, to: null, vendors: [] }, ds.importReport())
  }
  finally {
    await engine.close()
  }
}

/** The report without what names a column or the encoding: counts per file, rejected row numbers, every KPI. */
function numbers(r: KpiReport): unknown {
  const files = r.import.files.map(f => [f.file, f.rows, f.loaded, f.rejected, f.duplicates, f.update_rows ?? 0, f.missing?.map(m => m.field)])
  return JSON.parse(JSON.stringify({ ...r, import: { files, rejected: r.import.rejected.map(x => [x.file, x.row]) } }))
}

/** Equal, numbers to 1e-9 (DuckDB may sum in another order). */
function differences(a: unknown, b: unknown, path = '$', out: string[] = []): string[] {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Math.abs(a - b) > 1e-9) out.push(`${path}: ${a} != ${b}`)
  }
  else if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out)
  }
  else if (a !== b) out.push(`${path}: ${JSON.stringify(a)} != ${JSON.stringify(b)}`)
  return out
}

describe('the demo exports with headers renamed to other real variants', () => {
  let original: KpiReport
  let variant: KpiReport
  beforeAll(async () => {
    original = await demoReport()
    const files: ImportedFile[] = []
    for (const name of demoFileNames()) files.push(await importFile(renamed(name), name))
    variant = await reportOf(files)
  })

  it('recognises every renamed header', () => {
    for (const [name, spec] of Object.entries(RENAMES)) {
      const cols = variant.import.files.find(f => f.file === name)!.columns!
      for (const [from, to] of Object.entries(spec.headers)) {
        const was = original.import.files.find(f => f.file === name)!.columns!.find(c => c.header === from)!
        expect(cols.find(c => c.header === to)?.field, `${name}: ${from} -> ${to}`).toBe(was.field)
      }
    }
  })

  it('gives the same report', () => {
    expect(differences(numbers(variant), numbers(original))).toEqual([])
  })
})
