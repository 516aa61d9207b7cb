import type { Input } from 'electron';

/**
 * What the window does while the tablet is in a patient's hands. The main process's services
 * hold patient mode and refuse everything but that patient's questionnaire and consent signing;
 * this keeps the window itself from being steered off the tablet screen (a reload, the back
 * button, the developer tools) and is kept free of Electron's runtime so Node tests can check it.
 */

/** Mouse back/forward buttons arrive as these app commands on Windows and Linux. */
export const PATIENT_MODE_BLOCKED_COMMANDS: ReadonlySet<string> = new Set([
  'browser-backward',
  'browser-forward',
  'browser-refresh',
  'browser-home',
  'browser-search',
]);

type KeyInput = Pick<Input, 'type' | 'key' | 'code' | 'control' | 'meta' | 'alt' | 'shift'>;

/**
 * Whether a key press would leave or inspect the tablet screen: reload (F5, Ctrl/Cmd+R, with or
 * without Shift), back and forward (Alt+arrows, Cmd+[ ], the browser keys), developer tools
 * (F12, Ctrl/Cmd+Shift+I/J/C, Cmd+Alt+I), view source, printing and closing the window. Zoom
 * and ordinary typing stay.
 */
export function isPatientModeEscape(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const command = input.control || input.meta;
  if (
    ['F5', 'F12', 'BrowserBack', 'BrowserForward', 'BrowserRefresh', 'BrowserHome'].includes(key)
  ) {
    return true;
  }
  if (input.alt && (key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) return true;
  if (!command) return false;
  if (['r', 'w', 'p', 'u', 'n', 't', '[', ']'].includes(key)) return true;
  if (input.shift && ['i', 'j', 'c'].includes(key)) return true;
  if (input.alt && ['i', 'j', 'c'].includes(key)) return true;
  return false;
}

/**
 * The patient mode the services last reported to this window: read from the session state that
 * auth operations return (and from a refusal, which proves it is on). The renderer cannot set it:
 * only answers of the main process's own services change it.
 */
export class PatientModeState {
  active = false;
  private listeners: ((active: boolean) => void)[] = [];

  onChange(listener: (active: boolean) => void): void {
    this.listeners.push(listener);
  }

  /** Reads one operation's answer, as the IPC handler passes it back to the window. */
  observe(result: unknown): void {
    const next = patientModeIn(result);
    if (next === undefined || next === this.active) return;
    this.active = next;
    for (const listener of this.listeners) listener(next);
  }
}

function patientModeIn(result: unknown): boolean | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const r = result as { ok?: unknown; value?: unknown; error?: { code?: unknown } };
  if (r.ok === false) return r.error?.code === 'PATIENT_MODE' ? true : undefined;
  const value = r.value;
  if (typeof value !== 'object' || value === null || !('patientMode' in value)) return undefined;
  return (value as { patientMode: unknown }).patientMode !== null;
}
