import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TemplateVersionInfo } from '../../../shared/api/documents';
import type { DocumentTemplate } from '../../../shared/documents/template-schema';
import { ADMIN } from '../../support/helpers';
import { PRACTITIONER, signInAs } from '../sessions/fixtures';
import { startDocumentsClinic, type DocumentsClinic } from './archive-fixtures';

let c: DocumentsClinic;
beforeAll(async () => {
  c = await startDocumentsClinic();
  await signInAs(c.app, ADMIN.username, ADMIN.password);
}, 60_000);
afterAll(async () => {
  await c.app.close();
});

const turkish = { kind: 'consent', procedureKind: 'pigmentation', language: 'tr' } as const;
const frenchSheet = { kind: 'aftercare', procedureKind: null, language: 'fr' } as const;

const listed = () => c.app.ok<TemplateVersionInfo[]>('documents.templates');
const sql = () => c.app.services.state.store.sqlite;

async function editLatest(key: typeof turkish | typeof frenchSheet, extra: string) {
  const { info, template } = await c.app.ok<{
    info: TemplateVersionInfo;
    template: DocumentTemplate;
  }>('documents.template', key);
  const { version: _v, ...body } = template;
  const sections = body.sections.map((s) =>
    s.id === 'costs' || s.id === 'intro' ? { ...s, body: `${s.body} ${extra}` } : s,
  );
  return c.app.ok<TemplateVersionInfo>('documents.saveTemplate', {
    ...body,
    sections,
    baseVersion: info.version,
  });
}

describe('translations marked for the clinic’s review', () => {
  it('marks every built-in translation, and no English template, until an admin confirms it', async () => {
    const list = await listed();
    for (const t of list) {
      expect(t.review.state, `${t.kind} ${t.procedureKind} ${t.language}`).toBe(
        t.language === 'en' ? 'not-needed' : 'pending',
      );
    }
    expect(list.filter((t) => t.review.state === 'pending')).toHaveLength(3 * 7);
  });

  it('lets only an admin confirm, and records who confirmed which version', async () => {
    await signInAs(c.app, PRACTITIONER.username, PRACTITIONER.password);
    const refused = await c.app.call('documents.confirmTemplateTranslation', {
      ...turkish,
      version: 1,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await signInAs(c.app, ADMIN.username, ADMIN.password);

    const confirmed = await c.app.ok<TemplateVersionInfo>('documents.confirmTemplateTranslation', {
      ...turkish,
      version: 1,
    });
    expect(confirmed.review).toMatchObject({
      state: 'confirmed',
      confirmedVersion: 1,
      confirmedByName: ADMIN.displayName,
    });
    const after = await listed();
    const states = after.filter((t) => t.review.state === 'confirmed');
    expect(states.map((t) => [t.procedureKind, t.language])).toEqual([['pigmentation', 'tr']]);

    const audit = sql()
      .prepare(
        `SELECT action, object_type, object_id, outcome FROM audit_event
         WHERE operation = 'documents.confirmTemplateTranslation' ORDER BY seq`,
      )
      .all();
    expect(audit).toEqual([
      { action: 'update', object_type: 'document-template', object_id: null, outcome: 'denied' },
      {
        action: 'update',
        object_type: 'document-template',
        object_id: 'consent:pigmentation:tr:v1',
        outcome: 'success',
      },
    ]);
  });

  it('refuses a second confirmation, an English template and a version no longer the latest', async () => {
    const again = await c.app.call('documents.confirmTemplateTranslation', {
      ...turkish,
      version: 1,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const english = await c.app.call('documents.confirmTemplateTranslation', {
      ...turkish,
      language: 'en',
      version: 1,
    });
    expect(english).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // Someone saves the French sheet while the admin reads version 1: version 1 is not confirmed.
    const saved = await editLatest(frenchSheet, 'Merci de votre confiance.');
    expect(saved).toMatchObject({ version: 2, review: { state: 'pending' } });
    const stale = await c.app.call('documents.confirmTemplateTranslation', {
      ...frenchSheet,
      version: 1,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!stale.ok) expect(stale.error.message).toContain('Version 2');
    const ok = await c.app.ok<TemplateVersionInfo>('documents.confirmTemplateTranslation', {
      ...frenchSheet,
      version: 2,
    });
    expect(ok.review).toMatchObject({ state: 'confirmed', confirmedVersion: 2 });
  });

  it('keeps a confirmed translation confirmed through the clinic’s later edits', async () => {
    const saved = await editLatest(turkish, 'Ödeme seans günü yapılır.');
    expect(saved).toMatchObject({
      version: 2,
      review: { state: 'confirmed', confirmedVersion: 1 },
    });
    const history = await c.app.ok<TemplateVersionInfo[]>('documents.templateHistory', turkish);
    expect(history.map((h) => [h.version, h.review.state])).toEqual([
      [2, 'confirmed'],
      [1, 'confirmed'],
    ]);
  });

  it('needs no review for a language the clinic wrote itself', async () => {
    const { template } = await c.app.ok<{ template: DocumentTemplate }>('documents.template', {
      ...turkish,
      language: 'en',
    });
    const { version: _v, ...body } = template;
    const german = await c.app.ok<TemplateVersionInfo>('documents.saveTemplate', {
      ...body,
      language: 'de',
      title: 'Einwilligung',
      baseVersion: null,
    });
    expect(german.review.state).toBe('not-needed');
  });

  it('keeps each confirmation: the store refuses to change or delete it', () => {
    expect(() =>
      sql().prepare(`UPDATE document_template_review SET confirmed_at = 'x'`).run(),
    ).toThrow(/never changed/);
    expect(() => sql().prepare('DELETE FROM document_template_review').run()).toThrow(
      /never deleted/,
    );
  });
});
