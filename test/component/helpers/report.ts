import type { GradedKpi } from '../../../src/core/config'
import type { Grade, KpiValues } from '../../../src/core/kpis'
import type { KpiReport, VendorRow } from '../../../src/core/report-types'
import { DIMENSIONS, GRADED_KPIS } from '../../../src/core/config'
import { KPI_KEYS } from '../../../src/core/kpis'

export const XSS = '<img src=x onerror=alert(1)>'

export function kpis(over: Partial<KpiValues> = {}): KpiValues {
  const v = Object.fromEntries(KPI_KEYS.map(k => [k, null])) as KpiValues
  return { ...v, tickets: 10, ...over }
}

export function vendorRow(vendor: string, rank: number, over: Partial<KpiValues> = {}, score: number | null = 80, grades: Partial<Record<GradedKpi, Grade>> = {}): VendorRow {
  return {
    vendor, rank, ...kpis(over), score,
    dimensions: Object.fromEntries(DIMENSIONS.map(d => [d, score])) as VendorRow['dimensions'],
    grades: Object.fromEntries(GRADED_KPIS.map(k => [k, grades[k] ?? null])) as VendorRow['grades'],
    scores: Object.fromEntries(GRADED_KPIS.map(k => [k, null])) as VendorRow['scores'],
  }
}

export function report(vendors: VendorRow[], over: Partial<KpiReport> = {}): KpiReport {
  const overall = { ...vendorRow('', 0), backlog_end: 3 }
  return {
    as_of: '2026-11-30 18:00:00', filters: {}, business_hours_vendors: [], overall, vendors,
    months: [], vendor_months: [], priorities: [], channels: [], backlog: [], import: { files: [], rejected: [] }, ...over,
  }
}
