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
