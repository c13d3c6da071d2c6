import type { Filters } from '../../../src/core/filters'
import type { ImportReport, KpiReport } from '../../../src/core/report-types'
import type { Mapping } from '../../../src/core/schema'
import type { Inspection, LoadProgress, PendingFile, RestartInfo, WallBackend } from '../../../src/stores/backend'
import { vi } from 'vitest'
import { report, vendorRow } from './report'

export interface FakeBackend extends WallBackend {
  reports: Filters[]
  /** Calls the listeners given to onRestart, as after a crash of the DuckDB worker. */
  restart: (info: RestartInfo) => void
  /** Resolve report() calls by hand: each call waits for `release`. */
  hold: boolean
  release: () => void
}

export function fakeBackend(inspections: Record<string, Partial<Inspection>> = {}): FakeBackend {
  let imp: ImportReport = { files: [], rejected: [] }
  let waiting: (() => void)[] = []
  const restartListeners: ((info: RestartInfo) => void)[] = []
  const b: FakeBackend = {
    reports: [],
    restart: (info) => {
      imp = { files: [], rejected: [] }
      restartListeners.forEach(l => l(info))
    },
    hold: false,
    release: () => {
      const w = waiting
      waiting = []
      w.forEach(f => f())
    },
    inspect: vi.fn(async (file: File, mapping?: Mapping): Promise<Inspection> => ({
      file: file.name, kind: 'tickets' as const, headers: ['id', 'created'], preview: [], mapping: mapping ?? { ticket_id: 'id', created_at: 'created' },
      missing: [], hasVendorColumn: true, defaultVendor: file.name.split('_')[0]!, error: null, ...inspections[file.name], ...(mapping ? { missing: [], kind: 'tickets' as const } : {}),
    })),
    load: vi.fn(async (files: PendingFile[], onProgress: (p: LoadProgress) => void, opts?: { replace?: boolean }) => {
      if (opts?.replace) imp = { files: [], rejected: [] }
      for (const f of files) onProgress({ file: f.file.name, phase: 'done', bytesRead: f.file.size, bytesTotal: f.file.size, rows: 2 })
      imp = { files: [...imp.files, ...files.map(f => ({ file: f.file.name, format: 'csv', encoding: 'utf-8', rows: 2, loaded: 2, rejected: 0, duplicates: 0, error: null, vendor: f.vendor ?? null }))], rejected: imp.rejected }
      return imp
    }),
    loadDemo: vi.fn(async () => (imp = { files: [{ file: 'demo.csv', format: 'csv', encoding: 'utf-8', rows: 1, loaded: 1, rejected: 0, duplicates: 0, error: null }], rejected: [] })),
    configure: vi.fn(async () => {}),
    clear: vi.fn(async () => {
      imp = { files: [], rejected: [] }
    }),
    async report(f): Promise<KpiReport> {
      b.reports.push(f)
      if (b.hold) await new Promise<void>(r => waiting.push(r))
      return report([vendorRow(f.vendors?.[0] ?? 'all', 1)], { filters: f })
    },
    extras: async () => ({ response_hist: [], heatmap: [], csat_dist: [], channel_mix: [], categories: [] }),
    options: async () => ({ months: ['2026-10', '2026-11'], vendors: ['A', 'B'], priorities: ['P1'], channels: ['phone'], categories: ['x'] }),
    importReport: () => imp,
    onRestart: l => void restartListeners.push(l),
  }
  return b
}
