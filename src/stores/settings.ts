import type { Locale } from '../i18n'
import type { PageId } from './pages'
import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { isLocale } from '../i18n'
import { clampInterval, DEFAULT_INTERVAL_S } from './pages'

const STORAGE_KEY = 'servicewall.settings'

interface Saved {
  locale: Locale
  kiosk: boolean
  intervalSec: number
}

function readSaved(): Partial<Saved> {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}')
    if (!raw || typeof raw !== 'object') return {}
    const o = raw as Record<string, unknown>
    return {
      ...(isLocale(o.locale) ? { locale: o.locale } : {}),
      ...(typeof o.kiosk === 'boolean' ? { kiosk: o.kiosk } : {}),
      ...(typeof o.intervalSec === 'number' ? { intervalSec: clampInterval(o.intervalSec) } : {}),
    }
  }
  catch {
    return {}
  }
}

/**
 * Language, kiosk mode and the page shown. Kiosk and language survive a reload through
 * localStorage as well as the URL (the URL wins). A pause does not: a wall that restarts
 * should rotate again.
 */
export const useSettingsStore = defineStore('settings', () => {
  const saved = readSaved()
  const locale = ref<Locale>(saved.locale ?? 'zh')
  const kiosk = ref(saved.kiosk ?? false)
  const intervalSec = ref(saved.intervalSec ?? DEFAULT_INTERVAL_S)
  const paused = ref(false)
  const page = ref<PageId>('overview')

  watch([locale, kiosk, intervalSec], () => {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ locale: locale.value, kiosk: kiosk.value, intervalSec: intervalSec.value } satisfies Saved))
    }
    catch {
      // Private mode or a full quota: the URL still carries the state.
    }
  })

  function setInterval(s: number): void {
    intervalSec.value = clampInterval(s)
  }

  function toggleKiosk(on = !kiosk.value): void {
    kiosk.value = on
    paused.value = false
  }

  return { locale, kiosk, intervalSec, paused, page, setInterval, toggleKiosk }
})
