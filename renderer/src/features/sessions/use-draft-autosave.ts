import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'invalid' }
  | { kind: 'error'; message: string };

/**
 * Saves a draft form to the database shortly after the user stops typing, one save at a time,
 * and once more when the page is hidden or the form closes, so nothing typed is lost. Values that
 * fail validation are not sent; they stay in the form with their messages.
 */
export function useDraftAutosave<T extends FieldValues>(
  form: UseFormReturn<T>,
  save: (values: T) => Promise<void>,
  describeError: (error: unknown) => string,
  delayMs = 600,
) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const timer = useRef<number | undefined>(undefined);
  const queue = useRef<Promise<boolean>>(Promise.resolve(true));
  const latest = useRef({ save, describeError });
  useEffect(() => {
    latest.current = { save, describeError };
  });

  const flush = useCallback((): Promise<boolean> => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
    const run = async () => {
      if (!(await form.trigger())) {
        setState({ kind: 'invalid' });
        return false;
      }
      setState({ kind: 'saving' });
      try {
        await latest.current.save(form.getValues());
        // Typed while this save was on its way: that edit's own save will say "saved".
        if (timer.current === undefined) setState({ kind: 'saved', at: new Date() });
        return true;
      } catch (error) {
        setState({ kind: 'error', message: latest.current.describeError(error) });
        return false;
      }
    };
    queue.current = queue.current.then(run, run);
    return queue.current;
  }, [form]);

  useEffect(() => {
    const subscription = form.watch(() => {
      // An edit not yet sent is not "saved": the status says so until its save answers (a
      // reader, or a test, seeing "saved" can trust the database has what is on screen).
      setState((s) => (s.kind === 'idle' ? s : { kind: 'idle' }));
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), delayMs);
    });
    const flushIfPending = () => {
      if (timer.current !== undefined) void flush();
    };
    window.addEventListener('pagehide', flushIfPending);
    document.addEventListener('visibilitychange', flushIfPending);
    return () => {
      subscription.unsubscribe();
      window.removeEventListener('pagehide', flushIfPending);
      document.removeEventListener('visibilitychange', flushIfPending);
      flushIfPending();
    };
  }, [form, flush, delayMs]);

  return { state, flush };
}
