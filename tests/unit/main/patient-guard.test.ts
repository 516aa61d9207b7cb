import { describe, expect, it } from 'vitest';
import {
  isPatientModeEscape,
  PATIENT_MODE_BLOCKED_COMMANDS,
  PatientModeState,
} from '../../../electron/main/patient-guard';

const key = (
  k: string,
  mods: Partial<Record<'control' | 'meta' | 'alt' | 'shift', boolean>> = {},
) => ({
  type: 'keyDown' as const,
  key: k,
  code: '',
  control: false,
  meta: false,
  alt: false,
  shift: false,
  ...mods,
});

describe('the window while the patient holds the tablet', () => {
  it('drops the keys that reload, go back or forward, open the developer tools or close', () => {
    const escapes = [
      key('F5'),
      key('r', { control: true }),
      key('R', { control: true, shift: true }),
      key('r', { meta: true }),
      key('F12'),
      key('I', { control: true, shift: true }),
      key('i', { meta: true, alt: true }),
      key('ArrowLeft', { alt: true }),
      key('ArrowRight', { alt: true }),
      key('[', { meta: true }),
      key('BrowserBack'),
      key('w', { control: true }),
      key('u', { control: true }),
    ];
    expect(escapes.filter((input) => !isPatientModeEscape(input))).toEqual([]);
  });

  it('keeps typing, editing and zoom', () => {
    const kept = [
      key('a'),
      key('A', { shift: true }),
      key('ArrowLeft'),
      key('Backspace'),
      key('c', { control: true }),
      key('v', { control: true }),
      key('z', { control: true }),
      key('=', { control: true }),
      key('-', { control: true }),
      key('0', { control: true }),
      key('Tab', { shift: true }),
    ];
    expect(kept.filter((input) => isPatientModeEscape(input))).toEqual([]);
    expect(isPatientModeEscape({ ...key('F5'), type: 'keyUp' })).toBe(false);
  });

  it('drops the mouse back and forward buttons', () => {
    expect(PATIENT_MODE_BLOCKED_COMMANDS.has('browser-backward')).toBe(true);
    expect(PATIENT_MODE_BLOCKED_COMMANDS.has('browser-forward')).toBe(true);
  });

  it('follows the patient mode only the services report', () => {
    const mode = new PatientModeState();
    const seen: boolean[] = [];
    mode.onChange((active) => seen.push(active));
    const state = (patientMode: unknown) => ({ ok: true, value: { locked: true, patientMode } });
    mode.observe({ ok: true, value: { done: true } });
    expect(mode.active).toBe(false);
    mode.observe(state({ patientId: 'p1', givenName: 'Şebnem' }));
    expect(mode.active).toBe(true);
    // Answers that say nothing about the session leave it as it was.
    mode.observe({ ok: true, value: [] });
    mode.observe({ ok: false, error: { code: 'VALIDATION', message: '' } });
    expect(mode.active).toBe(true);
    mode.observe(state(null));
    expect(mode.active).toBe(false);
    mode.observe({ ok: false, error: { code: 'PATIENT_MODE', message: '' } });
    expect(seen).toEqual([true, false, true]);
  });
});
