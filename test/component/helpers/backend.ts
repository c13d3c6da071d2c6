import type { Filters } from '../../../src/core/filters'
import type { ImportReport, KpiReport } from '../../../src/core/report-types'
import type { Mapping } from '../../../src/core/schema'
import type { Inspection, LoadProgress, PendingFile, WallBackend } from '../../../src/stores/backend'
import { vi } from 'vitest'
import { report, vendorRow } from './report'

export interface FakeBackend extends WallBackend {
  reports: Filters[]
  /** Resolve report() calls by hand: each call waits for `release`. */
  hold: boolean
  release: () => void
}

export function fakeBackend(inspections: Record<string, Partial<Inspection>> = {}): FakeBackend {
  let imp: ImportReport = { files: [], rejected: [] }
  let sources: PendingFile[] = []
  let waiting: (() => void)[] = []
  const b: FakeBackend = {
    reports: [],
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
    load: vi.fn(async (files: PendingFile[], onProgress: (p: LoadProgress) => void) => {
      for (const f of files) onProgress({ file: f.file.name, phase: 'done', bytesRead: f.file.size, bytesTotal: f.file.size, rows: 2 })
      imp = { files: [...imp.files, ...files.map(f => ({ file: f.file.name, format: 'csv', encoding: 'utf-8', rows: 2, loaded: 2, rejected: 0, duplicates: 0, error: null, vendor: f.vendor ?? null }))], rejected: imp.rejected }
      sources = [...sources, ...files]
      return imp
    }),
    source: (i: number) => sources[i] ?? null,
    remap: vi.fn(async (i: number, mapping: Mapping) => {
      const src = sources[i]
      if (src) sources[i] = { ...src, mapping }
      return imp
    }),
    loadDemo: vi.fn(async () => (imp = { files: [{ file: 'demo.csv', format: 'csv', encoding: 'utf-8', rows: 1, loaded: 1, rejected: 0, duplicates: 0, error: null }], rejected: [] })),
    configure: vi.fn(async () => {}),
    clear: vi.fn(async () => {
      imp = { files: [], rejected: [] }
      sources = []
    }),
    async report(f): Promise<KpiReport> {
      b.reports.push(f)
      if (b.hold) await new Promise<void>(r => waiting.push(r))
      return f.vendors?.length ? report([vendorRow(f.vendors[0]!, 1)], { filters: f }) : report([vendorRow('A', 1, {}, 80), vendorRow('B', 2, {}, 60)], { filters: f })
    },
    // The draft config's reputation weight decides the order, so a test can see a change.
    preview: vi.fn(async (cfg, f) => report(cfg.dimensions.reputation.weight > 20 ? [vendorRow('B', 1, {}, 90), vendorRow('A', 2, {}, 70)] : [vendorRow('A', 1, {}, 80), vendorRow('B', 2, {}, 60)], { filters: f })),
    extras: async () => ({ response_hist: [], heatmap: [], csat_dist: [], channel_mix: [], categories: [] }),
    options: async () => ({ months: ['2026-10', '2026-11'], vendors: ['A', 'B'], priorities: ['P1'], channels: ['phone'], categories: ['x'] }),
    importReport: () => imp,
    monthly: async (f, month) => {
      const cur = report([vendorRow('A', 1)], { filters: { ...f, from: month, to: month } })
      return { month, previous_month: month, as_of: cur.as_of, filters: f, current: cur, previous: cur, trend_months: [month], trend: [], worst: { resolutions: [], breaches: [], recurred: [] }, categories: [] }
    },
    breaches: async () => [],
  }
  return b
}
