import { useEffect, useRef } from 'react';
import { api, unwrap } from './api';
import { takeOpenDrafts } from './lock-drafts';
import { useSetSession } from './session';
import type { SessionState } from '../../../shared/api/auth';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
/** How often activity is reported to the main process, which keeps its own idle clock. */
const HEARTBEAT_MS = 30_000;
const CHECK_MS = 5_000;

/**
 * Locks the screen, handing every unsaved form to the main process first. If the main process
 * has locked on its own already, the window shows the lock all the same.
 */
export async function lockScreen(setSession: (state: SessionState) => void): Promise<void> {
  const result = await api.auth.lock({ drafts: takeOpenDrafts() });
  setSession(result.ok ? result.value : await unwrap(api.auth.state({})));
}

/** Locks the screen after `minutes` without keyboard, mouse or touch activity. */
export function useIdleLock(minutes: number) {
  const setSession = useSetSession();
  const lastActivity = useRef(0);
  const lastHeartbeat = useRef(0);

  useEffect(() => {
    lastActivity.current = Date.now();
    lastHeartbeat.current = Date.now();
    const onActivity = () => {
      const now = Date.now();
      lastActivity.current = now;
      if (now - lastHeartbeat.current > HEARTBEAT_MS) {
        lastHeartbeat.current = now;
        void api.auth.heartbeat({});
      }
    };
    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity.current >= minutes * 60_000) {
        window.clearInterval(timer);
        void lockScreen(setSession).catch(() => undefined);
      }
    }, CHECK_MS);
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity);
    };
  }, [minutes, setSession]);
}
