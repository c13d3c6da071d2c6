/**
 * Per ticket file: rows that are an earlier state of a ticket further down the same file (an
 * export with one row per update). They count among the file's duplicates; the import report
 * says how many tickets came from how many rows.
 */
export const UPDATE_ROWS_SQL = `SELECT file_idx, (count(*) - count(DISTINCT (vendor, ticket_id)))::INTEGER AS updates
FROM staged_tickets GROUP BY file_idx`
