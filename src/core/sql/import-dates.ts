/**
 * Timestamps in SQL, exactly as parse-datetime.ts reads them. The layouts exports write most
 * ('YYYY-MM-DD', 'YYYY-MM-DD HH:MM', 'YYYY-MM-DD HH:MM:SS', '-' or '/', ' ' or 'T', a 'Z' after
 * the seconds) are read per row by a cast; every other text (Excel serials, 上午/下午,
 * AM/PM, 年月日, month names, day-first dates, fractions, cells to trim …) is parsed by
 * parseDateTime once per DISTINCT raw text and joined.
 */

const TIME_RE = '(?:[ T]\\d{2}:\\d{2}(?::\\d{2}Z?)?)?'

/**
 * Texts read per row: digits at fixed positions, the year 1000 or later (parseDateTime's
 * fixedLayout reads exactly these, trimmed and never a NULL placeholder). The cast alone would
 * take more (one-digit fields, spaces, offsets, fractions), hence the exact shape.
 */
export const FAST_LAYOUT_RE = `[1-9]\\d{3}-\\d{2}-\\d{2}${TIME_RE}|[1-9]\\d{3}/\\d{2}/\\d{2}${TIME_RE}`

/**
 * Wall-clock ms of a raw cell in a fast layout; NULL when it is not a valid date (2025-02-30,
 * minute 60). The cast reads exactly these layouts as parseDateTime does but for the hour 24,
 * which it takes for the next day. (DuckDB evaluates this on rows whose text the lookup holds
 * too: try_strptime, failing, cost 3.7 µs a format there, 10 s at 1 M rows of `2025/3/7 9:05`;
 * a failing cast costs 0.15 µs.)
 */
export function fastLayoutMs(raw: string): string {
  return `(CASE WHEN ${raw} LIKE '___________24%' THEN NULL ELSE epoch_ms(TRY_CAST(${raw} AS TIMESTAMP))::DOUBLE END)`
}

/** The raw texts (never NULL) that need the TypeScript parser: the keys of the date lookup. */
export function residualDateSql(raw: string): string {
  return `NOT regexp_full_match(${raw}, '${FAST_LAYOUT_RE}')`
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
