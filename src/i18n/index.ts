import type { InjectionKey, Ref } from 'vue'
import type { MessageKey } from './messages'
import type { Locale } from './messages'
import { inject, ref } from 'vue'
import { translate } from './messages'

export type { Locale, MessageKey }
export { intlLocale, isLocale, LOCALES, translate, translateOr } from './messages'

/** What components get by injection (they never import the settings store). */
export interface I18n {
  locale: Readonly<Ref<Locale>>
  t: (key: MessageKey, params?: Record<string, string | number>) => string
}

export const I18N_KEY: InjectionKey<I18n> = Symbol('i18n')

export function createI18n(locale: Readonly<Ref<Locale>>): I18n {
  return { locale, t: (key, params) => translate(locale.value, key, params) }
}

/** Outside a provider (a component test) it falls back to 简体中文. */
export function useI18n(): I18n {
  return inject(I18N_KEY, () => createI18n(ref<Locale>('zh')), true)
}
