import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../../src/core/config'
import { Dataset } from '../../../src/core/dataset'
import { computeReport } from '../../../src/core/report'
import { createNodeEngine } from '../../../src/db/node-engine'
import { readRemoteCanonical } from '../../../src/import/remote-parquet'
import { cli } from '../helpers/cli'
import { rangeServer } from '../import/range-server'
import { DATA_DIR, DEMO_DIR, demoFileNames, GOLDEN } from '../../../data/demo-report'

/** Numbers to 1e-9, as the golden report's own test compares them. */
const rounded = (v: unknown): unknown => JSON.parse(JSON.stringify(v), (_k, x: unknown) => (typeof x === 'number' ? Math.round(x * 1e9) / 1e9 : x))

let dir = ''
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'servicewall-convert-'))
})

describe('servicewall convert', () => {
  it('converts the demo exports into one file whose report is the golden demo report', async () => {
    const r = await cli('convert', ...demoFileNames().map(n => path.join(DEMO_DIR, n)), '--out', path.join(dir, 'out'), '--name', 'demo')
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain(`wrote ${path.join(dir, 'out', 'demo.servicewall')}`)
    expect(r.stdout).toContain('简道云ERP_工单导出.csv: 2,606 rows, 2,603 tickets, 3 rejected')
    const report = await cli('report', '--format', 'json', '--config', path.join(DATA_DIR, 'demo-config.json'), path.join(dir, 'out', 'demo.servicewall'))
    expect(report.code, report.stderr).toBe(0)
    expect(rounded(JSON.parse(report.stdout))).toEqual(rounded(JSON.parse(readFileSync(GOLDEN, 'utf8'))))
  })

  it('writes one file per input with --vendor applied, and the report reads them as the originals', async () => {
    const csv = path.join(dir, 'export.csv')
    writeFileSync(csv, '工单编号,创建时间,首次响应时间,优先级\nA1,2026-03-02 09:00,2026-03-02 09:30,高\nA2,2026-03-03 09:00,,紧急\n,2026-03-03 10:00,,低\n')
    const xlsx = path.join(DEMO_DIR, '金蝶云星辰_服务单.xlsx')
    const r = await cli('convert', csv, xlsx, '--vendor', 'export.csv=Acme', '--out', path.join(dir, 'each'))
    expect(r.code, r.stderr).toBe(0)
    for (const n of ['export.csv.servicewall', '金蝶云星辰_服务单.xlsx.servicewall']) expect(existsSync(path.join(dir, 'each', n)), n).toBe(true)
    const fromConverted = await cli('report', '--format', 'json', path.join(dir, 'each', 'export.csv.servicewall'), path.join(dir, 'each', '金蝶云星辰_服务单.xlsx.servicewall'))
    const fromOriginals = await cli('report', '--format', 'json', '--vendor', 'export.csv=Acme', csv, xlsx)
    expect(fromConverted.code, fromConverted.stderr).toBe(0)
    const [a, b] = [JSON.parse(fromConverted.stdout), JSON.parse(fromOriginals.stdout)]
    expect(a).toEqual(b)
    expect(a.vendors.map((v: { vendor: string }) => v.vendor).sort()).toEqual(['Acme', '金蝶云星辰'])
    expect(a.import.rejected).toHaveLength(3)
  })

  it('writes nothing for a file that cannot be imported and says so', async () => {
    const bad = path.join(dir, 'old.xls')
    writeFileSync(bad, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))
    const r = await cli('convert', bad, '--out', path.join(dir, 'bad'))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('old.xls')
    expect(r.stderr).toContain('not written')
    expect(existsSync(path.join(dir, 'bad', 'old.xls.servicewall'))).toBe(false)
    const usage = await cli('convert', bad)
    expect(usage.code).toBe(2)
    expect(usage.stderr).toContain('convert needs --out DIR')
  })

  it('--format parquet writes one canonical tickets Parquet file that a URL reader loads with the same figures', async () => {
    const tickets = demoFileNames().filter(n => !n.startsWith('培训')).map(n => path.join(DEMO_DIR, n))
    const r = await cli('convert', ...tickets, path.join(DEMO_DIR, '培训记录.csv'), '--format', 'parquet', '--out', path.join(dir, 'pq'), '--name', 'demo')
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toContain('培训记录.csv: training records are not carried')
    expect(r.stdout).toContain(`wrote ${path.join(dir, 'pq', 'demo.parquet')}`)
    const server = await rangeServer(new Uint8Array(readFileSync(path.join(dir, 'pq', 'demo.parquet'))), '/demo.parquet')
    const engine = await createNodeEngine()
    try {
      const { files } = await readRemoteCanonical(server.url, { recurrenceDays: DEFAULT_CONFIG.recurrenceDays })
      const ds = await Dataset.open(engine, DEFAULT_CONFIG)
      await ds.add(files)
      const got = await ds.run(() => computeReport(engine, DEFAULT_CONFIG, {}, ds.importReport()))
      const want = JSON.parse((await cli('report', '--format', 'json', ...tickets)).stdout)
      expect(want.overall.tickets).toBeGreaterThan(5_000)
      for (const k of ['as_of', 'overall', 'vendors', 'months', 'priorities', 'channels'] as const) expect(rounded(got[k]), k).toEqual(rounded(want[k]))
    }
    finally {
      await engine.close()
      await server.close()
    }
  }, 300_000)
})
