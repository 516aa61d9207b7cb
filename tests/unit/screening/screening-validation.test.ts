import { describe, expect, it } from 'vitest';
import { validateScreeningInput } from '../../../shared/screening/screening-validation';
import { defaultScreeningSettings } from '../../../shared/screening/screening-settings';
import { clearInput, daysAgo, medicine } from './screening-fixtures';

describe('validateScreeningInput', () => {
  it('accepts a complete, plausible input', () => {
    const input = clearInput();
    input.history.medicines.push(medicine('m1', 'Eliquis', { lastDose: daysAgo(0) }));
    input.dayOf.lastDoses.push({ lineId: 'm1', lastDose: daysAgo(1) });
    const result = validateScreeningInput(input);
    expect(result.ok).toBe(true);
  });

  it('refuses impossible answers with field-level messages', () => {
    const input = clearInput();
    input.history.medicines.push(medicine('m1', 'Eliquis', { lastDose: daysAgo(-2) }));
    input.dayOf.lastDoses.push({ lineId: 'm9', lastDose: daysAgo(-1) });
    input.dayOf.hoursSinceAlcohol = -5;
    input.dayOf.vaccination = { answer: 'yes', date: daysAgo(-3) };
    input.history.recentSurgeries.push({ date: daysAgo(-10), areas: [] });
    const result = validateScreeningInput(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fields).toMatchObject({
      'dayOf.hoursSinceAlcohol': 'Hours since alcohol cannot be negative',
    });
    // The schema refuses first; cross-field checks run once the shape is valid.
    input.dayOf.hoursSinceAlcohol = 5;
    const second = validateScreeningInput(input);
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.fields).toEqual({
      'history.medicines.0.lastDose': 'The last dose cannot be in the future',
      'dayOf.lastDoses.0.lastDose': 'The last dose cannot be in the future',
      'dayOf.lastDoses.0.lineId': 'Unknown medicine line',
      'dayOf.vaccination.date': 'The vaccination date cannot be in the future',
      'history.recentSurgeries.0.date': 'The surgery date cannot be in the future',
    });
  });

  it('refuses malformed dates and out-of-range settings', () => {
    const input = clearInput();
    input.history.medicines.push(medicine('m1', 'aspirin', { lastDose: '2025-02-30' }));
    input.settings = { ...defaultScreeningSettings, alcoholHoursBefore: -1 };
    const result = validateScreeningInput(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fields).sort()).toEqual([
      'history.medicines.0.lastDose',
      'settings.alcoholHoursBefore',
    ]);
  });

  it('exports defaults that pass the settings schema', () => {
    expect(validateScreeningInput(clearInput()).ok).toBe(true);
  });
});
