// Test and bench support: the page's long tasks (main-thread work of 50 ms or more), recorded by a
// PerformanceObserver from the moment the page loads.
import type { Page } from '@playwright/test';

/** Add with `page.addInitScript` before the page loads. */
export const RECORD_LONG_TASKS = `(() => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
})();`;

/** The durations of the long tasks recorded so far; `clear` starts a new recording. */
export function longTasks(page: Page, clear = false): Promise<number[]> {
  return page.evaluate((reset) => {
    const w = globalThis as unknown as { __longTasks: number[] };
    const tasks = w.__longTasks;
    if (reset) w.__longTasks = [];
    return tasks;
  }, clear);
}
