import { useCallback, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * Navigation state for "saved, now look here": the screen a save leads to puts the focus on its
 * heading, so a keyboard or screen-reader user is not left on a button that no longer exists.
 */
export const focusHeadingState = { focusHeading: true } as const;

/**
 * A ref for the screen's heading (give it tabIndex={-1}): it takes the focus once when the screen
 * was reached with `focusHeadingState`, also when the heading appears only after loading.
 */
export function useArrivalFocus() {
  const { state, key } = useLocation();
  const wanted = (state as { focusHeading?: boolean } | null)?.focusHeading === true;
  const done = useRef<string | null>(null);
  return useCallback(
    (el: HTMLElement | null) => {
      if (!el || !wanted || done.current === key) return;
      done.current = key;
      el.focus();
    },
    [wanted, key],
  );
}

const firstField = [
  'input:not([type="hidden"]):not(:disabled)',
  'textarea:not(:disabled)',
  'select:not(:disabled)',
  '[role="checkbox"][tabindex="0"]',
].join(', ');

/**
 * A ref for a new form's container: the cursor starts in its first field once the form is on
 * screen (a callback ref, so a form shown after loading gets it too), once per mount.
 */
export function useFocusFirstField() {
  const done = useRef(false);
  return useCallback((el: HTMLElement | null) => {
    if (!el || done.current) return;
    done.current = true;
    el.querySelector<HTMLElement>(firstField)?.focus();
  }, []);
}
