/** The wall's pages, in kiosk rotation order. */
export const PAGES = ['overview', 'response', 'resolution', 'satisfaction', 'scorecard', 'breaches'] as const
/** Every page: the wall's, then the monthly report (a document to print, not in the rotation). */
export const ALL_PAGES = [...PAGES, 'report'] as const
export type PageId = (typeof ALL_PAGES)[number]

export function isPage(s: unknown): s is PageId {
  return typeof s === 'string' && (ALL_PAGES as readonly string[]).includes(s)
}

export const DEFAULT_INTERVAL_S = 20
export const MIN_INTERVAL_S = 5
export const MAX_INTERVAL_S = 3600

export function clampInterval(n: number): number {
  return Number.isFinite(n) ? Math.min(MAX_INTERVAL_S, Math.max(MIN_INTERVAL_S, Math.round(n))) : DEFAULT_INTERVAL_S
}
