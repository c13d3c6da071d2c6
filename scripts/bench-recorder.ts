/**
 * What the wall's page records for the bench, installed before any of its scripts run
 * (addInitScript): the time of each user input ('change' events) and of every change to the
 * values of the visible KPI cells (the KPI table and counters), to [data-busy] and the import summary
 * appearing, on the page's own clock (performance.now(), 0 = navigation start). The bench
 * reads these marks; it never looks inside the app. Plain JS text, so no transpiler helper
 * leaks into the page.
 */
/** `cells[i]` is what the KPI cells showed at `kpi[i]`. */
export interface Marks { input: number[], kpi: number[], cells: string[], busyOn: number[], busyOff: number[], summary: number[] }

/** The KPI cells as text, to tell one wall from another (a page function as a string, for the same reason). */
export const CELLS = `[...document.querySelectorAll('[data-testid="kpi-table"] td[data-kpi], [data-testid="kpi-counter"]')].map(td => (td.getAttribute('data-vendor') || '') + '|' + td.getAttribute('data-kpi') + '|' + td.getAttribute('data-value')).sort().join('\\n')`

export const RECORDER = `(() => {
  const marks = { input: [], kpi: [], cells: [], busyOn: [], busyOff: [], summary: [] };
  const cells = () => ${CELLS};
  window.benchMarks = marks;
  const KPI = '[data-testid="kpi-table"], [data-testid="kpi-counter"]';
  document.addEventListener('change', () => marks.input.push(performance.now()), true);
  const inKpi = (n) => {
    const el = n.nodeType === 1 ? n : n.parentElement;
    return !!el && (!!el.closest(KPI) || !!(el.querySelector && el.querySelector(KPI)));
  };
  new MutationObserver((records) => {
    const t = performance.now();
    let kpi = false;
    for (const r of records) {
      if (r.attributeName === 'data-busy') (r.target.hasAttribute('data-busy') ? marks.busyOn : marks.busyOff).push(t);
      else if (inKpi(r.target) || [...r.addedNodes].some(inKpi)) kpi = true;
      for (const n of r.addedNodes) if (n.nodeType === 1 && (n.matches('[data-testid="import-summary-close"]') || n.querySelector('[data-testid="import-summary-close"]'))) marks.summary.push(t);
    }
    // A change of the cells' values: a re-render that leaves them as they were (the KPI table's rows
    // patched in place when the import summary opens) is no later wall.
    if (kpi) {
      const now = cells();
      if (now !== marks.cells[marks.cells.length - 1]) { marks.kpi.push(t); marks.cells.push(now); }
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
})();`

