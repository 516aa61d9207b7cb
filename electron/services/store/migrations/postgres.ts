import { foundationPg, patientsPg, screeningPg } from './postgres-0001-0003';
import { treatmentsPg } from './postgres-0004';
import {
  appointmentsPg,
  auditSealPg,
  documentsPg,
  photosPg,
  sessionSafetyPg,
} from './postgres-0005-0009';
import { personalSignaturesPg } from './postgres-0010-0016';

/** A numbered step; `pg` is its PostgreSQL variant when it carries one itself. */
export interface MigrationStep {
  version: number;
  name: string;
  sql: string;
  pg?: string;
}

/**
 * The PostgreSQL variant of each numbered step that does not carry its own `pg`. One numbering
 * for both stores: every step needs a variant here or in its `pg` field before it can run on
 * PostgreSQL (a unit test checks that none is missing).
 */
const variants: Readonly<Record<number, string>> = {
  1: foundationPg,
  2: patientsPg,
  3: screeningPg,
  4: treatmentsPg,
  5: photosPg,
  6: documentsPg,
  7: sessionSafetyPg,
  8: appointmentsPg,
  9: auditSealPg,
  12: personalSignaturesPg,
};

export function postgresSql(step: MigrationStep): string | undefined {
  return step.pg ?? variants[step.version];
}
