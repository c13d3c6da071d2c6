import type { MessageKey } from './zh'
import { en } from './en'
import { zh } from './zh'

export type { MessageKey }
export const LOCALES = ['zh', 'en'] as const
export type Locale = (typeof LOCALES)[number]

const DICTS: Record<Locale, Record<MessageKey, string>> = { zh, en }

export function isLocale(s: unknown): s is Locale {
  return s === 'zh' || s === 'en'
}

/** BCP 47 tag for Intl. */
export function intlLocale(l: Locale): string {
  return l === 'zh' ? 'zh-CN' : 'en-US'
}

/** `{name}` placeholders are replaced as text; the result is only ever rendered as text. */
export function translate(l: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const s = DICTS[l][key]
  if (!params) return s
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m))
}

/** Keys built from data (a channel, a priority) may be unknown: fall back to the raw text. */
export function translateOr(l: Locale, key: string, fallback: string): string {
  return key in DICTS[l] ? DICTS[l][key as MessageKey] : fallback
}
