import { useQuery } from '@tanstack/react-query';
import type { Course } from '../../../../shared/api/courses';
import {
  procedureKindForIndication,
  type ConsentValidity,
  type TemplateVersionInfo,
} from '../../../../shared/api/documents';
import type { ProcedureKind } from '../../../../shared/documents/procedure-kinds';
import { api, unwrap } from '../../lib/api';
import { productsKeys } from '../products';
import { formatInstant } from '../../lib/dates';

type TemplateKey = Pick<TemplateVersionInfo, 'kind' | 'procedureKind' | 'language'>;

const patient = (patientId: string) => ['documents', patientId] as const;
const templates = ['templates'] as const;

/** Query keys for the documents area, so every screen invalidates the same entries. */
export const documentsKeys = {
  /** Everything about one patient's documents: what a new or signed document refreshes. */
  patient,
  list: (patientId: string) => [...patient(patientId), 'list'] as const,
  validity: (patientId: string) => [...patient(patientId), 'validity'] as const,
  consentText: (documentId: string) => ['documents', 'consent-text', documentId] as const,
  document: (patientId: string, documentId: string) =>
    [...patient(patientId), 'one', documentId] as const,
  practitioners: ['documents', 'practitioners'] as const,
  templates,
  templateHistory: (key: TemplateKey | null) => [...templates, 'history', key] as const,
  template: (key: TemplateKey | null, version: number | undefined) =>
    [...templates, 'one', key, version] as const,
  settings: ['documentSettings'] as const,
};

export function formatDocumentDate(iso: string): string {
  return formatInstant(iso);
}

export interface ConsentNeed {
  procedureKind: ProcedureKind;
  state: Exclude<ConsentValidity['state'], 'valid'>;
}

/**
 * The consent a session from this course needs, when the patient has no valid one for it; null
 * while unknown, without a course, or when the consent holds. It informs, it does not block.
 */
export function useConsentNeed(patientId: string, course: Course | null): ConsentNeed | null {
  const validity = useQuery({
    queryKey: documentsKeys.validity(patientId),
    queryFn: () => unwrap(api.documents.consentValidity({ patientId })),
  });
  const products = useQuery({
    queryKey: productsKeys.withInactive,
    queryFn: () => unwrap(api.products.list({ includeInactive: true })),
    enabled: course !== null,
  });
  if (!course || !validity.data || !products.data) return null;
  const usesPrp = products.data.some(
    (p) => p.category === 'prp' && course.protocol.productIds.includes(p.id),
  );
  const procedureKind = procedureKindForIndication(course.indication, usesPrp);
  const state = validity.data.find((v) => v.procedureKind === procedureKind)?.state ?? 'none';
  return state === 'valid' ? null : { procedureKind, state };
}
