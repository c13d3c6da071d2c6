import type { Locale } from '../i18n/messages'
import type { Table } from './table'
import { translate } from '../i18n/messages'

/** A value for a file: numbers stay numbers, times are wall-clock Date values (UTC fields = the clock), text is text. */
export type ExportValue = string | number | Date | null

/** 'YYYY-MM-DD HH:MM:SS' wall-clock → a Date whose UTC fields are that clock (never shifted). */
export function wallClockDate(s: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s)
  if (!m) return null
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)))
}

/**
 * A table as rows for CSV and XLSX: the header, then raw values (rates as 0–1 fractions,
 * durations in minutes, as in the JSON report). A column whose cells carry a grade or a
 * change since last month gets a grade column and a change column after it.
 */
export function exportRows(t: Table, l: Locale): ExportValue[][] {
  const extra = t.columns.map((_, i) => ({
    grade: t.rows.some(r => r.cells[i]?.grade !== undefined && r.cells[i]?.grade !== null),
    change: t.columns[i]?.key !== 'rank_change' && t.rows.some(r => r.cells[i]?.change !== undefined && r.cells[i]?.changeText !== undefined),
  }))
  const head: ExportValue[] = t.columns.flatMap((c, i) => [
    c.label,
    ...(extra[i]!.grade ? [`${c.label} · ${translate(l, 'grade.legend')}`] : []),
    ...(extra[i]!.change ? [`${c.label} · ${translate(l, 'report.change')}`] : []),
  ])
  const body = t.rows.map(r => r.cells.flatMap((c, i): ExportValue[] => {
    const v = c.kind === 'datetime' && typeof c.value === 'string' ? wallClockDate(c.value) : c.value
    return [
      v,
      ...(extra[i]!.grade ? [c.grade ? translate(l, `grade.${c.grade}`) : null] : []),
      ...(extra[i]!.change ? [c.change ?? null] : []),
    ]
  }))
  return [head, ...body]
}

/** For CSV: a time as its wall-clock text. */
export function csvValue(v: ExportValue): string | number | null {
  return v instanceof Date ? v.toISOString().slice(0, 19).replace('T', ' ') : v
}
