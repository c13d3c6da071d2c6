/** Series the wall's charts need beyond the KPI report. All computed in SQL (src/core/sql/wall-queries.ts). */

/** First-response buckets, upper bounds in minutes (the last is open-ended). */
export const RESPONSE_BUCKETS_MIN = [15, 30, 60, 120, 240, 480, 1440] as const

export interface WallExtras {
  /** bucket: index into RESPONSE_BUCKETS_MIN, or RESPONSE_BUCKETS_MIN.length for "more than a day". */
  response_hist: { vendor: string, bucket: number, n: number }[]
  /** dow: 1 = Monday … 7 = Sunday; hr 0..23. */
  heatmap: { dow: number, hr: number, tickets: number, response_avg_min: number | null, sla_response_rate: number | null }[]
  /** satisfaction rounded to a whole point 0..10. */
  csat_dist: { vendor: string, score: number, n: number }[]
  channel_mix: { vendor: string, channel: string, n: number }[]
  categories: { category: string, tickets: number, resolution_avg_min: number | null, faults: number, csat_avg: number | null }[]
}

/** Values the filter controls offer: over all loaded tickets, whatever the filters. */
export interface FilterOptions {
  months: string[]
  vendors: string[]
  priorities: string[]
  channels: string[]
  categories: string[]
}
