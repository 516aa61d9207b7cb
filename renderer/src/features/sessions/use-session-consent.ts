import { useQuery } from '@tanstack/react-query';
import { procedureKindForIndication } from '../../../../shared/api/documents';
import type { Product } from '../../../../shared/api/products';
import type { TreatmentSession } from '../../../../shared/api/sessions';
import { api, unwrap } from '../../lib/api';
import { coursesKeys } from '../courses';
import type { ConsentNeed } from '../documents';

/**
 * The course of a session and the consent its gate asks for: the procedure kind the service
 * derives (the course's indication, or 'other' without a course; PRP when a PRP product is used),
 * so the prompt offers the same consent the refusal named.
 */
export function useSessionConsent(session: TreatmentSession, products: Product[]) {
  const courses = useQuery({
    queryKey: coursesKeys.list(session.patientId),
    queryFn: () => unwrap(api.courses.list({ patientId: session.patientId })),
    enabled: session.courseId !== null,
  });
  const course = courses.data?.find((c) => c.id === session.courseId) ?? null;
  const used = new Set(session.products.map((p) => p.productId));
  const usesPrp = products.some((p) => p.category === 'prp' && used.has(p.id));
  const need: ConsentNeed = {
    procedureKind: procedureKindForIndication(course?.indication ?? 'other', usesPrp),
    state: 'none',
  };
  return { course, need };
}
