import type { UrlState } from './use-url-state'
import { watch } from 'vue'
import { buildUrlQuery } from './use-url-state'

const KEY = 'servicewall.view'

/**
 * The last page, filters and kiosk state, kept in localStorage: a wall that restarts on its
 * bare address (a power cut, a kiosk browser's start page) comes back to where it was.
 * Call before useUrlState; a URL with a query of its own always wins.
 */
export function useSavedView(read: () => UrlState, win: Window = window, storage: Storage = localStorage): void {
  try {
    const saved = storage.getItem(KEY)
    if (!win.location.search && saved) win.history.replaceState(win.history.state, '', `${win.location.pathname}?${saved}${win.location.hash}`)
  }
  catch {
    // No storage: the URL alone carries the state.
  }
  watch(read, (s) => {
    try {
      storage.setItem(KEY, buildUrlQuery(s))
    }
    catch {
      // Private window or full quota: nothing to keep.
    }
  }, { deep: true })
}
