import { useEffect } from 'react';
import { useNavigate } from 'react-router';

/** The patient search's input, found by the shortcut once the search page is shown. */
export const PATIENT_SEARCH_ID = 'patient-search';

/** True while the person is typing somewhere: "/" is then a character, not the shortcut. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement
  );
}

/**
 * Ctrl+K (⌘K on a Mac) from anywhere, or "/" when not typing, opens the patient search with the
 * cursor in it: the desk finds the next patient without reaching for the mouse. The search's help
 * line says so. An open dialog keeps the keys (its own focus trap has them).
 */
export function useSearchShortcut(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const withModifier = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
      const slash =
        event.key === '/' &&
        !event.ctrlKey &&
        !event.metaKey &&
        !event.altKey &&
        !typing(event.target);
      if (!withModifier && !slash) return;
      if (document.querySelector('[role="dialog"][aria-modal="true"]')) return;
      event.preventDefault();
      void navigate('/patients');
      // The page may have to mount first: try for a few frames, then give up quietly.
      let frames = 0;
      const focus = () => {
        const input = document.getElementById(PATIENT_SEARCH_ID);
        if (input instanceof HTMLInputElement) {
          input.focus();
          input.select();
        } else if (frames++ < 30) requestAnimationFrame(focus);
      };
      requestAnimationFrame(focus);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
