/**
 * @event-calendar/core marks its grid up as an ARIA table, but its toolbar and its events (each
 * a button) sit directly inside the table and its row group, where only rows may be: a screen
 * reader is told of a table it cannot walk, and axe reports aria-required-children. The events
 * are positioned over the grid, not inside its cells, so no table semantics can be right; the
 * diary drops them and keeps what does read well: the day headings (each a <time> with the full
 * date as its label) and the events as buttons. The scrolling part of the grid may hold no
 * event (an empty day), so it takes the focus itself, letting a keyboard scroll it.
 *
 * Svelte sets an attribute only when its own value changes, so removing one sticks until the
 * calendar renders a new element; the observer tidies each new element as it arrives.
 */
const TABLE_ROLES = ['table', 'rowgroup', 'row', 'columnheader', 'rowheader', 'cell']
  .map((role) => `[role="${role}"]`)
  .join(', ');

function tidy(host: HTMLElement): void {
  for (const el of host.querySelectorAll(TABLE_ROLES)) {
    el.removeAttribute('role');
    el.removeAttribute('aria-colindex');
    el.removeAttribute('aria-colspan');
  }
  for (const el of host.querySelectorAll<HTMLElement>('.ec-main:not([tabindex])')) {
    el.tabIndex = 0;
  }
}

/** Keeps the calendar's markup tidy for as long as it is mounted; returns the stop function. */
export function keepCalendarAccessible(host: HTMLElement): () => void {
  tidy(host);
  const observer = new MutationObserver(() => tidy(host));
  observer.observe(host, { childList: true, subtree: true });
  return () => observer.disconnect();
}
