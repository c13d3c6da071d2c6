import type { InjectionKey } from 'vue'
import type { I18n, MessageKey } from '../i18n'
import type { ImportReport } from '../core/report-types'
import { inject } from 'vue'
import { nullReason } from '../core/null-reason'

/** Why a KPI of a vendor (null: all vendors) is "—", as a sentence for its tooltip. */
export type Why = (vendor: string | null, kpi: string) => string

export const WHY_KEY: InjectionKey<Why> = Symbol('why')

const FILES_SHOWN = 3

export function createWhy(report: () => ImportReport, i18n: I18n): Why {
  return (vendor, kpi) => {
    const r = nullReason(kpi, vendor, report())
    if (r.kind !== 'field') return i18n.t(`why.${r.kind}`)
    const files = r.files.length > FILES_SHOWN ? [...r.files.slice(0, FILES_SHOWN), '…'] : r.files
    return i18n.t('why.field', { field: i18n.t(`field.${r.field}` as MessageKey), files: files.join(', ') })
  }
}

/** Outside a provider (a component test) nothing is explained. */
export function useWhy(): Why {
  return inject(WHY_KEY, () => '')
}
