/** What the dashboard benchmark reads back from the page (ms from `start`). */
export interface Marks {
  start: number;
  figures?: number;
  firstChart?: number;
  screenCharts?: number;
  allCharts?: number;
  overviewRequest?: number;
  overviewRequests?: number;
  chartSections?: number;
  dir?: string;
  /** Main-thread task time and script time of the page until the run ended (Chrome's metrics). */
  mainThreadMs?: number;
  scriptMs?: number;
  resources?: Array<{ name: string; start: number; end: number }>;
}

/** Chart sections on the dashboard (one per indicator group; the deadlines table is not a chart). */
export const CHART_SECTIONS = 13;

/**
 * Installed before the app's scripts (addInitScript). Once a frame, while the DOM changes, notes
 * when the key figures, the first chart, the charts in the first screen and all charts are drawn.
 * `start` is 0 for a navigation (performance.now() counts from it) or set just before a click.
 */
export const PAGE_PROBE = `(() => {
  const dash = { start: 0, overviewRequests: 0, resources: [] };
  window.__dash = dash;
  const since = (t) => t - dash.start;
  const drawn = (section) =>
    !section.querySelector('[data-testid^="chart-"]') ||
    !!section.querySelector('[data-testid^="chart-"] svg text');
  let pending = false;
  const check = () => {
    pending = false;
    const now = since(performance.now());
    if (dash.figures === undefined) {
      const values = document.querySelectorAll('[data-testid="figure-value"]');
      if (values.length >= 8 && [...values].every((v) => (v.textContent || '').trim() !== ''))
        dash.figures = now;
    }
    if (dash.firstChart === undefined && document.querySelector('[data-testid^="chart-"] svg text'))
      dash.firstChart = now;
    const sections = [...document.querySelectorAll('[data-testid^="report-"]')].filter(
      (s) => s.getAttribute('data-testid') !== 'report-deadlines',
    );
    dash.chartSections = sections.length;
    if (sections.length < ${CHART_SECTIONS} || dash.figures === undefined) return;
    if (dash.screenCharts === undefined) {
      const onScreen = sections.filter((s) => s.getBoundingClientRect().top < window.innerHeight);
      // On a phone the key figures may fill the first screen: then nothing else is awaited.
      if (onScreen.every(drawn)) dash.screenCharts = now;
    }
    if (dash.allCharts === undefined && sections.every(drawn)) dash.allCharts = now;
  };
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(check);
  }).observe(document, { childList: true, subtree: true, characterData: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      const name = e.name.replace(location.origin, '');
      if (name.startsWith('/api/reports/overview')) {
        dash.overviewRequests += 1;
        dash.overviewRequest = Math.round(e.duration);
      }
      if (name.startsWith('/api/') || name.startsWith('/assets/'))
        dash.resources.push({ name, start: Math.round(since(e.startTime)), end: Math.round(since(e.responseEnd)) });
    }
  }).observe({ type: 'resource', buffered: true });
})();`;
