import type { TestApp } from '../../support/helpers';
import type { Patient } from '../../../shared/api/patients';
import { emptyHistoryAnswers, type HistoryAnswers } from '../../../shared/api/history';

export function details(overrides: Record<string, unknown> = {}) {
  return {
    givenName: 'Şebnem',
    familyName: 'Yılmaz',
    dateOfBirth: '1986-04-12',
    sex: 'female',
    phone: '+90 532 123 45 67',
    email: 'sebnem@example.com',
    address: 'Moda Cd. 12, Kadıköy, İstanbul',
    preferredLanguage: 'tr',
    emergencyContactName: 'Emre Yılmaz',
    emergencyContactPhone: '+90 532 765 43 21',
    referralSource: '',
    ...overrides,
  };
}

export async function register(app: TestApp, overrides: Record<string, unknown> = {}) {
  return app.ok<Patient>('patients.create', details(overrides));
}

export function answers(patch: (a: HistoryAnswers) => void = () => undefined): HistoryAnswers {
  const a = emptyHistoryAnswers();
  patch(a);
  return a;
}
