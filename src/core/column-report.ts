/** The column report of one imported table: every column, the field it became and how, and what the file cannot tell. */
import type { TrainingColumns } from './headers'
import type { ColumnPlan, DurationTarget } from './plan-columns'
import type { LocatedTable } from './locate-table'
import type { SatisfactionScale } from './normalize'
import type { ColumnReport, MissingField } from './report-types'
import type { KnownFlag, MappingTarget } from './schema'
import { columnSample, durationEvidence, durationUnitLabel, sampleRows } from './column-content'
import { describeDateShape } from './date-shape'
import { isFaultText, normalizeChannel, parseDecimal, priorityOf, satisfactionLabel } from './normalize'
import { MAPPING_TARGETS } from './schema'

const SAMPLES = 3
const LABELS_SHOWN = 8

/** What a file without a field cannot contribute to (contract §1, known and unknown). */
const MISSING: { flag: KnownFlag | 'priority', kpis: string[], reason: string }[] = [
  { flag: 'first_response', kpis: ['first_response_avg_min', 'first_response_p50_min', 'first_response_p90_min', 'sla_response_rate', 'offhours_sla_rate'], reason: 'no first-response column: this file\'s tickets are left out of the response KPIs' },
  { flag: 'resolved', kpis: ['resolved', 'resolution_avg_min', 'resolution_p90_min', 'resolution_max_min', 'fcr_rate', 'csat_response_rate', 'recovery_avg_min', 'recovery_p90_min', 'recurrence_rate', 'backlog_end'], reason: 'no resolution column: this file\'s tickets never count as resolved and are left out of the resolution KPIs and the backlog' },
  { flag: 'reopen', kpis: ['fcr_rate'], reason: 'no reopen column: this file\'s tickets are left out of first-contact resolution' },
  { flag: 'satisfaction', kpis: ['csat_avg', 'csat_response_rate'], reason: 'no satisfaction column: this file\'s tickets are left out of the satisfaction KPIs' },
  { flag: 'channel', kpis: ['channels'], reason: 'no channel column: this file\'s tickets are left out of the channel count' },
  { flag: 'fault', kpis: ['recovery_avg_min', 'recovery_p90_min'], reason: 'no category, type or fault column: faults cannot be told, so this file adds nothing to fault recovery' },
  { flag: 'customer', kpis: ['recurrence_rate'], reason: 'no customer column: this file\'s tickets are left out of the recurrence rate' },
  { flag: 'priority', kpis: ['sla_response_rate', 'offhours_sla_rate'], reason: 'no priority column: every ticket is taken as P3 (its SLA target applies)' },
]

export function missingFields(known: Record<KnownFlag, boolean>, hasPriority: boolean): MissingField[] {
  return MISSING.filter(m => (m.flag === 'priority' ? !hasPriority : !known[m.flag])).map(m => ({ field: m.flag, kpis: m.kpis, reason: m.reason }))
}

export function columnReport(located: LocatedTable, plan: ColumnPlan, satisfactionScale: SatisfactionScale | null): ColumnReport[] {
  const rows = sampleRows(located.rows)
  return located.headers.map((header, index): ColumnReport => {
    const targets = MAPPING_TARGETS.filter(t => plan.cols[t] === index)
    const s = columnSample(rows, index)
    const first = targets[0]
    const entry: ColumnReport = {
      index: index + 1,
      header: header.trim(),
      field: targets.length ? targets.join(' + ') : null,
      how: first === undefined ? null : plan.how[first] ?? 'alias',
      detected: targets.flatMap(t => detect(t, s.values, s.distinct, plan, index, satisfactionScale)),
      samples: s.distinct.slice(0, SAMPLES).map(v => (v.length > 40 ? `${v.slice(0, 37)}...` : v)),
    }
    const note = plan.notes.get(index)
    if (note !== undefined) entry.note = note
    return entry
  })
}

function detect(
  t: MappingTarget, values: string[], distinct: string[], plan: ColumnPlan, index: number, scale: SatisfactionScale | null,
): string[] {
  const out: string[] = []
  const labels = (f: (v: string) => string): string => {
    const shown = distinct.slice(0, LABELS_SHOWN).map(v => `${v} → ${f(v)}`).join(', ')
    return distinct.length > LABELS_SHOWN ? `${shown}, …` : shown
  }
  if (['created_at', 'first_response_at', 'resolved_at', 'recovered_at'].includes(t) && values[0] !== undefined) {
    out.push(`dates: ${describeDateShape(values[0], plan.dateOpts.dayFirst === true)}${plan.dateOpts.dayFirst === true ? ', day first' : ''}`)
  }
  const unit = plan.units[t as DurationTarget]
  if (unit !== undefined) {
    const ev = durationEvidence({ values, at: [], distinct })
    out.push(`unit: ${durationUnitLabel(unit)}${ev.selfDescribing > 0 ? '; also text durations such as "1h 20m"' : ''}`)
  }
  if (plan.decimalComma.has(index)) out.push('decimal comma')
  if (t === 'priority' && distinct.length) out.push(`labels: ${labels(v => priorityOf(v) ?? 'P3 (not understood)')}`)
  if (t === 'channel' && distinct.length) out.push(`labels: ${labels(v => normalizeChannel(v) ?? '')}`)
  if (t === 'satisfaction') {
    if (scale !== null) out.push(`scale: ${scale}${plan.satisfactionScale !== undefined ? ' (from the header)' : ''}`)
    const named = distinct.filter(v => Number.isNaN(parseDecimal(v)))
    if (named.length) out.push(`labels: ${named.slice(0, LABELS_SHOWN).map(v => `${v} → ${labelText(satisfactionLabel(v))}`).join(', ')}`)
  }
  if ((t === 'fault_type' || t === 'is_fault') && distinct.length) {
    const faults = distinct.filter(isFaultText)
    out.push(faults.length ? `faults: ${faults.slice(0, LABELS_SHOWN).join(', ')}` : 'no value names a fault')
  }
  return out
}

function labelText(v: number | null | undefined): string {
  return v === undefined ? 'not understood' : v === null ? 'not rated' : String(v)
}

/** A training-records file: the person, vendor and date columns, and the rest unused. */
export function trainingColumnReport(located: LocatedTable, cols: TrainingColumns): ColumnReport[] {
  const rows = sampleRows(located.rows)
  const fields: Record<number, string> = { [cols.person]: 'person', [cols.vendor]: 'vendor', [cols.date]: 'training_date' }
  return located.headers.map((header, index) => {
    const field = fields[index] ?? null
    return { index: index + 1, header: header.trim(), field, how: field === null ? null : 'alias', detected: [], samples: columnSample(rows, index).distinct.slice(0, SAMPLES) }
  })
}
