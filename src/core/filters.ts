/** What a manager filters by. Months are 'YYYY-MM' of created_at, inclusive. */
export interface Filters {
  from?: string | null
  to?: string | null
  vendors?: string[]
  priorities?: string[]
  channels?: string[]
  categories?: string[]
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

export function isMonth(s: string): boolean {
  return MONTH.test(s)
}
