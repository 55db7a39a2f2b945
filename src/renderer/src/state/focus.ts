// Where keyboard focus goes when a dialog closes or a pane goes away: never to <body>.
import { tick } from 'svelte';

/** The element that has focus now (to give it back later), if it is a real control. */
export function rememberFocus(): HTMLElement | undefined {
  if (typeof document === 'undefined') return undefined; // unit tests of state run without a DOM
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : undefined;
}

/** Focuses the sentence list of pane `index`; false when there is no such pane. */
export function focusPane(index: number): boolean {
  if (typeof document === 'undefined') return false;
  const list = document.querySelector<HTMLElement>(`[data-pane-index="${index}"]`);
  list?.focus();
  return list !== null;
}

/**
 * Gives focus back to `target` as soon as the dialog has left the page (the next DOM update), or
 * to the active pane's sentences when the target has gone too.
 */
export function restoreFocus(target: HTMLElement | undefined, activePane: number): void {
  if (typeof document === 'undefined') return;
  void tick().then(() => {
    if (target?.isConnected) target.focus();
    else if (!focusPane(activePane)) document.querySelector<HTMLElement>('main, h1')?.focus();
  });
}

const FOCUSABLE =
  'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/**
 * The elements Tab stops at inside `container`, in order: enabled, shown, not taken out of the
 * tab order, and of each group of radio buttons only the one Tab lands on (the checked one, else
 * the first).
 */
function tabStops(container: HTMLElement): HTMLElement[] {
  const stops: HTMLElement[] = [];
  const radioGroups = new Set<string>();
  for (const el of container.querySelectorAll<HTMLElement>(FOCUSABLE)) {
    if (el.tabIndex < 0 || el.matches(':disabled') || el.getClientRects().length === 0) continue;
    if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
      if (radioGroups.has(el.name)) continue;
      radioGroups.add(el.name);
      const checked = container.querySelector<HTMLInputElement>(
        `input[type="radio"][name="${CSS.escape(el.name)}"]:checked`,
      );
      stops.push(checked ?? el);
      continue;
    }
    stops.push(el);
  }
  return stops;
}

/** Keeps Tab and Shift+Tab inside an open dialog: past its last stop is its first, and back. */
export function keepTabInside(event: KeyboardEvent, dialog: HTMLElement): void {
  if (event.key !== 'Tab' || event.ctrlKey || event.altKey || event.metaKey) return;
  const stops = tabStops(dialog);
  const first = stops[0];
  const last = stops.at(-1);
  if (!first || !last) return;
  const active = document.activeElement;
  const inside = active instanceof Node && dialog.contains(active);
  if (event.shiftKey && (!inside || active === first)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (!inside || active === last)) {
    event.preventDefault();
    first.focus();
  }
}
