import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { operations } from '../../../shared/api/contract';
import { OutputShapeError, projectOutput } from '../../../electron/services/core/projection';
import { startClinic } from '../../support/helpers';
import { register } from '../patients/fixtures';

const staff = {
  id: 'u1',
  username: 'amira.admin',
  displayName: 'Amira Haddad',
  role: 'admin',
  active: true,
  createdAt: '2026-11-22T09:00:00.000Z',
  mustChangePassword: false,
  licenceNumber: null,
  uiLanguage: null,
};

describe('answers projected onto their contract', () => {
  it('drops keys the contract does not name, at every depth', () => {
    const leaky = [{ ...staff, password_hash: 'scrypt$…', salt: 'x' }];
    const out = projectOutput(operations['staff.list'].output, leaky);
    expect(out).toEqual([staff]);
    expect(JSON.stringify(out)).not.toContain('scrypt');
    const chart = projectOutput(operations['patients.search'].output, {
      total: 1,
      results: [
        {
          id: 'p1',
          clinicNumber: 'MC-000001',
          givenName: 'Şebnem',
          familyName: 'Yılmaz',
          nameOrder: null,
          dateOfBirth: '1986-04-12',
          phone: '',
          email: '',
          archived: false,
          sort_key: 'yilmaz sebnem',
        },
      ],
      debug: { sql: 'SELECT …' },
    });
    expect(Object.keys(chart)).toEqual(['total', 'results']);
    expect(Object.keys(chart.results[0] ?? {})).not.toContain('sort_key');
  });

  it('hands a clean answer on as it is, and copies only what held a key to drop', () => {
    const clean = [{ ...staff }, { ...staff, id: 'u2' }];
    expect(projectOutput(operations['staff.list'].output, clean)).toBe(clean);
    const mixed = [{ ...staff }, { ...staff, id: 'u2', password_hash: 'scrypt$…' }];
    const out = projectOutput(operations['staff.list'].output, mixed);
    expect(out).not.toBe(mixed);
    expect(out[0]).toBe(mixed[0]);
    expect(out[1]).toEqual({ ...staff, id: 'u2' });
  });

  it('treats absent optional keys, nulls and unions as a parse would', () => {
    const schema = z
      .object({
        name: z.string(),
        note: z.string().nullable(),
        nickname: z.string().optional(),
        detail: z.union([
          z.object({ kind: z.literal('dose'), ml: z.number() }),
          z.object({ kind: z.literal('none') }),
        ]),
      })
      .strict();
    const clean = { name: 'Ada', note: null, detail: { kind: 'dose', ml: 1.5 } };
    expect(projectOutput(schema, clean)).toBe(clean);
    const withOptional = { ...clean, nickname: 'A', detail: { kind: 'none' } };
    expect(projectOutput(schema, withOptional)).toBe(withOptional);
    const extra = { ...clean, detail: { kind: 'none', secret: 'x' } };
    expect(projectOutput(schema, extra)).toEqual(schema.parse(extra));
    expect(JSON.stringify(projectOutput(schema, extra))).not.toContain('secret');
    expect(() => projectOutput(schema, { ...clean, note: 3 })).toThrow(/\.note/);
    expect(() =>
      projectOutput(schema, { ...clean, ml: Number.NaN, detail: { kind: 'dose', ml: Number.NaN } }),
    ).toThrow(OutputShapeError);
    expect(() => projectOutput(schema, { note: null, detail: { kind: 'none' } })).toThrow(/\.name/);
  });

  it('refuses a value of the wrong kind, naming where', () => {
    expect(() =>
      projectOutput(operations['staff.list'].output, [{ ...staff, active: 'yes' }]),
    ).toThrow(OutputShapeError);
    expect(() =>
      projectOutput(operations['staff.list'].output, [{ ...staff, role: 'owner' }]),
    ).toThrow(/\[0\]\.role/);
    expect(() => projectOutput(operations['staff.list'].output, { ...staff })).toThrow(
      OutputShapeError,
    );
    const { id: _id, ...withoutId } = staff;
    expect(() => projectOutput(operations['staff.list'].output, [withoutId])).toThrow(/\.id/);
  });

  it('gives what the full contract gives for real answers', async () => {
    const app = await startClinic();
    try {
      const patient = await register(app);
      for (const [operation, input] of [
        ['patients.get', { id: patient.id }],
        ['chart.open', { patientId: patient.id }],
        ['patients.search', { query: 'seb' }],
        ['staff.list', {}],
        ['documents.template', { kind: 'consent', procedureKind: 'pigmentation', language: 'en' }],
      ] as const) {
        const result = await app.call(operation, input);
        if (!result.ok) throw new Error(`${operation}: ${result.error.message}`);
        const schema = operations[operation].output;
        expect(projectOutput(schema, result.value), operation).toEqual(schema.parse(result.value));
      }
    } finally {
      await app.close();
    }
  });
});
