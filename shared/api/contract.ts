import { z } from 'zod';
import { op, type OperationDef } from './operation';
import { emptyInput } from './common';
import { sessionStateSchema, setupInput, signInInput, unlockInput } from './domains/auth';
import {
  staffCreateInput,
  staffResetPasswordInput,
  staffUpdateInput,
  staffUserSchema,
} from './domains/staff';
import { settingsSchema, settingsUpdateInput } from './domains/settings';
import { auditListInput, auditListOutput, auditVerifyOutput } from './domains/audit';
import {
  duplicateCheckInput,
  duplicateSchema,
  patientArchiveInput,
  patientChangeSchema,
  patientChartSchema,
  patientCreateInput,
  patientIdInput,
  patientSchema,
  patientSearchInput,
  patientSearchOutput,
  patientSettingsSchema,
  patientSettingsUpdateInput,
  patientUpdateInput,
} from './domains/patients';
import {
  historyGetInput,
  historyGetOutput,
  historySubmitInput,
  historyVersionInput,
  historyVersionOutput,
  historyVersionSchema,
} from './domains/medical-history';
import {
  consentEventSchema,
  consentListInput,
  consentListOutput,
  consentRecordInput,
} from './domains/consents';

import { treatmentOperations } from './operations/treatments';
import { documentOperations } from './operations/documents';
import { photoOperations } from './operations/photos';
import { screeningOperations } from './operations/screening';
import { backupOperations } from './operations/backup';
import { chartOperations } from './operations/chart';

export type { OperationDef };

const ok = z.object({ done: z.literal(true) });
const admin = ['admin'] as const;
/** Everyone who sees patients: reception registers and takes the intake, practitioners treat. */
const clinical = ['receptionist', 'practitioner', 'admin'] as const;
/** Archiving removes a patient from everyday search: the front desk and admins decide that. */
const registerKeepers = ['receptionist', 'admin'] as const;

/**
 * Every operation Mesochart offers, named `domain.verb`. This table is the single source of
 * truth: the preload builds its API object from it, the main process validates against it, and
 * the renderer's types are inferred from it.
 */
export const operations = {
  'auth.state': op({
    input: emptyInput,
    output: sessionStateSchema,
    access: 'public',
    audit: null,
  }),
  'auth.setup': op({
    input: setupInput,
    output: sessionStateSchema,
    access: 'public',
    audit: { action: 'create', objectType: 'clinic' },
    maxInputBytes: 1_000_000,
  }),
  'auth.signIn': op({
    input: signInInput,
    output: sessionStateSchema,
    access: 'public',
    audit: { action: 'execute', objectType: 'sign-in' },
  }),
  'auth.signOut': op({
    input: emptyInput,
    output: sessionStateSchema,
    access: 'public',
    audit: { action: 'execute', objectType: 'sign-out' },
  }),
  'auth.lock': op({
    input: emptyInput,
    output: sessionStateSchema,
    access: 'signed-in',
    audit: { action: 'execute', objectType: 'lock' },
  }),
  'auth.unlock': op({
    input: unlockInput,
    output: sessionStateSchema,
    access: 'public',
    audit: { action: 'execute', objectType: 'unlock' },
  }),
  'auth.heartbeat': op({ input: emptyInput, output: ok, access: 'signed-in', audit: null }),
  'staff.list': op({
    input: emptyInput,
    output: z.array(staffUserSchema),
    access: admin,
    audit: { action: 'read', objectType: 'staff' },
  }),
  'staff.create': op({
    input: staffCreateInput,
    output: staffUserSchema,
    access: admin,
    audit: { action: 'create', objectType: 'staff' },
  }),
  'staff.update': op({
    input: staffUpdateInput,
    output: staffUserSchema,
    access: admin,
    audit: { action: 'update', objectType: 'staff' },
  }),
  'staff.resetPassword': op({
    input: staffResetPasswordInput,
    output: ok,
    access: admin,
    audit: { action: 'update', objectType: 'staff-password' },
  }),
  'clinic.settings': op({
    input: emptyInput,
    output: settingsSchema,
    access: 'signed-in',
    audit: null,
  }),
  'clinic.updateSettings': op({
    input: settingsUpdateInput,
    output: settingsSchema,
    access: admin,
    audit: { action: 'update', objectType: 'settings' },
    maxInputBytes: 1_000_000,
  }),
  'audit.list': op({
    input: auditListInput,
    output: auditListOutput,
    access: admin,
    audit: { action: 'read', objectType: 'audit-log' },
  }),
  'audit.verify': op({
    input: emptyInput,
    output: auditVerifyOutput,
    access: admin,
    audit: { action: 'execute', objectType: 'audit-verify' },
  }),
  'patients.search': op({
    input: patientSearchInput,
    output: patientSearchOutput,
    access: clinical,
    audit: { action: 'read', objectType: 'patient-search' },
  }),
  'patients.duplicates': op({
    input: duplicateCheckInput,
    output: z.array(duplicateSchema),
    access: clinical,
    audit: { action: 'read', objectType: 'patient-duplicate-check' },
  }),
  'patients.create': op({
    input: patientCreateInput,
    output: patientSchema,
    access: clinical,
    audit: { action: 'create', objectType: 'patient' },
  }),
  'patients.get': op({
    input: patientIdInput,
    output: patientChartSchema,
    access: clinical,
    audit: { action: 'read', objectType: 'patient' },
  }),
  'patients.update': op({
    input: patientUpdateInput,
    output: patientSchema,
    access: clinical,
    audit: { action: 'update', objectType: 'patient' },
  }),
  'patients.archive': op({
    input: patientArchiveInput,
    output: patientSchema,
    access: registerKeepers,
    audit: { action: 'update', objectType: 'patient-archive' },
  }),
  'patients.changes': op({
    input: patientIdInput,
    output: z.array(patientChangeSchema),
    access: clinical,
    audit: { action: 'read', objectType: 'patient-changes' },
  }),
  'patients.settings': op({
    input: emptyInput,
    output: patientSettingsSchema,
    access: 'signed-in',
    audit: null,
  }),
  'patients.updateSettings': op({
    input: patientSettingsUpdateInput,
    output: patientSettingsSchema,
    access: admin,
    audit: { action: 'update', objectType: 'patient-settings' },
  }),
  'history.get': op({
    input: historyGetInput,
    output: historyGetOutput,
    access: clinical,
    audit: { action: 'read', objectType: 'medical-history' },
  }),
  'history.version': op({
    input: historyVersionInput,
    output: historyVersionOutput,
    access: clinical,
    audit: { action: 'read', objectType: 'medical-history' },
  }),
  'history.submit': op({
    input: historySubmitInput,
    output: historyVersionSchema,
    access: clinical,
    audit: { action: 'create', objectType: 'medical-history' },
  }),
  'consents.list': op({
    input: consentListInput,
    output: consentListOutput,
    access: clinical,
    audit: { action: 'read', objectType: 'consent' },
  }),
  'consents.record': op({
    input: consentRecordInput,
    output: consentEventSchema,
    access: clinical,
    audit: { action: 'create', objectType: 'consent' },
  }),
  ...treatmentOperations,
  ...photoOperations,
  ...documentOperations,
  ...screeningOperations,
  ...backupOperations,
  ...chartOperations,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OpInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type OpParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OpOutput<N extends OperationName> = z.output<Operations[N]['output']>;

export const operationNames = Object.keys(operations) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(operations, name);
}

export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024;
