import type { Locale } from '../i18n'
import type { PageId } from '../stores/pages'
import { onScopeDispose, watch } from 'vue'
import { isMonth } from '../core/filters'
import { isLocale } from '../i18n'
import { clampInterval, DEFAULT_INTERVAL_S, isPage } from '../stores/pages'

/** Everything a link reproduces. null: not in the URL (the app's default or saved setting applies). */
export interface UrlState {
  from: string | null
  to: string | null
  vendors: string[]
  priorities: string[]
  channels: string[]
  categories: string[]
  page: PageId | null
  lang: Locale | null
  kiosk: boolean | null
  interval: number | null
  /** A data set at a URL (?data=…): a canonical tickets Parquet file read by ranges, or an export read whole. */
  data?: string | null
}

// Repeated keys (?vendor=a&vendor=b), not commas: a vendor or category name may contain one.
const LISTS = [['vendors', 'vendor'], ['priorities', 'priority'], ['channels', 'channel'], ['categories', 'category']] as const

export function parseUrlState(search: string): UrlState {
  const q = new URLSearchParams(search)
  const month = (k: string) => {
    const v = q.get(k)
    return v && isMonth(v) ? v : null
  }
  const kiosk = q.get('kiosk')
  const interval = Number(q.get('interval'))
  const lang = q.get('lang')
  const page = q.get('page')
  const s: UrlState = {
    from: month('from'),
    to: month('to'),
    vendors: [], priorities: [], channels: [], categories: [],
    page: isPage(page) ? page : null,
    lang: isLocale(lang) ? lang : null,
    kiosk: kiosk === null ? null : kiosk === '1' || kiosk === 'true',
    interval: q.has('interval') && interval > 0 ? clampInterval(interval) : null,
    // Only when given, so a plain link's state has no data key at all.
    ...(q.get('data') ? { data: q.get('data') } : {}),
  }
  for (const [field, key] of LISTS) s[field] = [...new Set(q.getAll(key).filter(v => v !== ''))]
  return s
}

/** The query string (without '?'); defaults are left out so plain links stay plain. */
export function buildUrlQuery(s: UrlState): string {
  const q = new URLSearchParams()
  if (s.page && s.page !== 'overview') q.set('page', s.page)
  if (s.from) q.set('from', s.from)
  if (s.to) q.set('to', s.to)
  for (const [field, key] of LISTS) for (const v of s[field]) q.append(key, v)
  if (s.lang && s.lang !== 'zh') q.set('lang', s.lang)
  if (s.kiosk) q.set('kiosk', '1')
  if (s.interval !== null && s.interval !== DEFAULT_INTERVAL_S) q.set('interval', String(s.interval))
  if (s.data) q.set('data', s.data)
  return q.toString()
}

/**
 * Two-way binding between the app state and the address bar: the URL is read once
 * at start (and on back/forward), and rewritten in place on every change.
 */
export function useUrlState(read: () => UrlState, apply: (s: UrlState) => void, win: Window = window): void {
  apply(parseUrlState(win.location.search))
  const write = (s: UrlState) => {
    const q = buildUrlQuery(s)
    const next = `${win.location.pathname}${q ? `?${q}` : ''}${win.location.hash}`
    if (next !== `${win.location.pathname}${win.location.search}${win.location.hash}`) win.history.replaceState(win.history.state, '', next)
  }
  watch(read, write, { deep: true, immediate: true })
  const onPop = () => apply(parseUrlState(win.location.search))
  win.addEventListener('popstate', onPop)
  onScopeDispose(() => win.removeEventListener('popstate', onPop))
}
