/**
 * Timestamps in SQL, exactly as parse-datetime.ts reads them. Its fixed layout
 * ('YYYY-MM-DD', 'YYYY-MM-DD HH:MM', 'YYYY-MM-DD HH:MM:SS(.fff)(Z)', '-' or '/', ' ' or 'T')
 * is read per row here; every other layout (Excel serials, 上午/下午, AM/PM, 年月日, month
 * names, day-first dates …) is parsed by parseDateTime once per DISTINCT text and joined.
 */

const TIME = '(?:[ T]\\d{2}:\\d{2}(?::\\d{2}(?:Z|\\.\\d+Z?)?)?)?'
/** Texts parseDateTime reads at fixed positions (fixedLayout returns a number or INVALID for them). */
export const FIXED_LAYOUT_RE = `\\d{4}-\\d{2}-\\d{2}${TIME}|\\d{4}/\\d{2}/\\d{2}${TIME}`

const int = (t: string, from: number, len: number) => `TRY_CAST(substr(${t}, ${from}, ${len}) AS INTEGER)`

/** Wall-clock ms of a text in the fixed layout; NULL when it is not a valid date (2025-02-30, hour 25). */
export function fixedLayoutMs(t: string): string {
  const timed = `length(${t}) > 10`
  const seconds = `CASE WHEN length(${t}) >= 19 THEN ${int(t, 18, 2)} ELSE 0 END`
  const fraction = `CASE WHEN length(${t}) >= 21 THEN TRY_CAST(rpad(left(regexp_extract(${t}, '\\.(\\d+)', 1), 3), 3, '0') AS INTEGER) ELSE 0 END`
  const hour = `CASE WHEN ${timed} THEN ${int(t, 12, 2)} ELSE 0 END`
  const minute = `CASE WHEN ${timed} THEN ${int(t, 15, 2)} ELSE 0 END`
  const day = `try_strptime(substr(${t}, 1, 4) || '-' || substr(${t}, 6, 2) || '-' || substr(${t}, 9, 2), '%Y-%m-%d')`
  return `(CASE WHEN ${int(t, 1, 4)} >= 1000 AND ${hour} <= 23 AND ${minute} <= 59 AND ${seconds} <= 59 `
    + `THEN epoch_ms(${day})::DOUBLE + ((${hour} * 60 + ${minute}) * 60 + ${seconds}) * 1000 + ${fraction} END)`
}

/**
 * The ms of a cleaned timestamp cell: NULL for '' and for a text that is not a date.
 * `residual` is the joined lookup's ms for texts outside the fixed layout.
 */
export function timestampSql(t: string, residual: string): string {
  return `(CASE WHEN ${t} = '' THEN NULL WHEN regexp_full_match(${t}, '${FIXED_LAYOUT_RE}') THEN ${fixedLayoutMs(t)} ELSE ${residual} END)`
}

/** The condition for texts that need the TypeScript parser (the lookup's keys). */
export function residualDateSql(t: string): string {
  return `${t} <> '' AND NOT regexp_full_match(${t}, '${FIXED_LAYOUT_RE}')`
}

/**
 * dayFirstEvidence of parse-datetime.ts per cell: 1 for 13/3/2025, -1 for 3/13/2025, else 0.
 * The cell is raw (leading spaces as isSpace skips them).
 */
export function dayFirstEvidenceSql(cell: string): string {
  const re = `'^[ \\t\\n\\r\\x{A0}\\x{3000}\\x{FEFF}]*(\\d{1,2})([/-])(\\d{1,2})([/-])'`
  const part = (g: number) => `regexp_extract(${cell}, ${re}, ${g})`
  const a = `TRY_CAST(${part(1)} AS INTEGER)`
  const b = `TRY_CAST(${part(3)} AS INTEGER)`
  return `(CASE WHEN ${part(2)} = '' OR ${part(2)} <> ${part(4)} THEN 0 `
    + `WHEN ${a} > 12 AND ${b} BETWEEN 1 AND 12 THEN 1 WHEN ${b} > 12 AND ${a} BETWEEN 1 AND 12 THEN -1 ELSE 0 END)`
}
