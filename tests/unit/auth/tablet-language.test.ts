import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SessionState } from '../../../shared/api/auth';
import {
  NAMES,
  registerAnother,
  startDocumentsClinic,
  type DocumentsClinic,
} from '../documents/archive-fixtures';
import { ADMIN } from '../../support/helpers';
import { PRACTITIONER, signInAs } from '../sessions/fixtures';

/**
 * The tablet speaks the patient's language: the questionnaire and the consent are theirs to read,
 * whatever the language of the member of staff who handed it over.
 */
describe('the tablet’s language', () => {
  let c: DocumentsClinic;
  beforeEach(async () => {
    c = await startDocumentsClinic();
    // The clinic's screens are French and the member of staff reads hers in Arabic.
    await signInAs(c.app, ADMIN.username, ADMIN.password);
    await c.app.ok('clinic.updateSettings', { uiLanguage: 'fr' });
    await signInAs(c.app, PRACTITIONER.username, PRACTITIONER.password);
    await c.app.ok('staff.setOwnLanguage', { language: 'ar' });
  });
  afterEach(async () => {
    await c.app.close();
  });

  const handOver = async (patientId: string) =>
    (await c.app.ok<SessionState>('auth.handTablet', { patientId })).patientMode?.language;

  it('is the patient’s preferred language, not the language of who handed it over', async () => {
    // The registered patient of the documents clinic prefers Türkçe.
    expect(await handOver(c.patientId)).toBe('tr');
    const state = await c.app.ok<SessionState>('auth.state');
    expect(state.patientMode?.language).toBe('tr');
    expect(state.user?.uiLanguage).toBe('ar');
  });

  it('is the clinic’s default for a patient who states no preference, not English', async () => {
    const other = await registerAnother(c.app, NAMES.greek, 3);
    expect(await handOver(other.id)).toBe('fr');
  });

  it('is the clinic’s default for a language the screens are not written in', async () => {
    const other = await registerAnother(c.app, NAMES.greek, 4);
    c.app.services.state.store.sqlite
      .prepare(`UPDATE patient SET preferred_language = 'el' WHERE id = ?`)
      .run(other.id);
    expect(await handOver(other.id)).toBe('fr');
  });
});
