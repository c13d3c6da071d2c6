import type { Filters } from './filters'
import type { KpiReport } from './report-types'
import type { WallExtras } from './wall-types'

/** One ticket of a ticket list (src/core/sql/ticket-lists.ts). Times are wall-clock 'YYYY-MM-DD HH:MM:SS'. */
export interface TicketListRow {
  ticket_id: string
  vendor: string
  priority: string | null
  category: string | null
  channel: string | null
  customer: string | null
  created_at: string
  resolved_at: string | null
  resolution_min: number | null
  /** The first-response target of its priority. */
  target_min: number | null
  /** Minutes to the first response; null = not answered (or not known). */
  response_min: number | null
  /** Minutes past the response target: answered late, or unanswered at as_of (negative: still inside it). */
  over_min: number | null
  /** Open (file carries resolutions, none yet): minutes since creation at as_of. */
  open_min: number | null
  sla_state: 'late' | 'unanswered' | null
  /** The ticket of the same customer and category that made this one recur. */
  next_created_at: string | null
  recur_after_min: number | null
}

export interface ScorePoint {
  vendor: string
  month: string
  score: number | null
  tickets: number
  rank: number
}

/** The monthly service report (服务月报): month M against M − 1, each a plain KPI report. */
export interface MonthlyReport {
  month: string
  previous_month: string
  as_of: string | null
  /** The filters besides the month (vendors, priorities, channels, categories). */
  filters: Filters
  current: KpiReport
  previous: KpiReport
  /** Months of the score trend, oldest first, ending with `month`. */
  trend_months: string[]
  trend: ScorePoint[]
  worst: {
    resolutions: TicketListRow[]
    breaches: TicketListRow[]
    recurred: TicketListRow[]
  }
  categories: WallExtras['categories']
}
