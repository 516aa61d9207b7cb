import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ArchivedDocumentInfo } from '../../../../shared/api/documents';
import { api, unwrap } from '../../lib/api';
import { host } from '../../lib/host';
import { documentsKeys } from './queries';

export type SessionDocumentKind = 'aftercare' | 'session-summary';

function generate(kind: SessionDocumentKind, sessionId: string) {
  return unwrap(
    kind === 'aftercare'
      ? api.documents.generateAftercare({ sessionId })
      : api.documents.generateSessionSummary({ sessionId }),
  );
}

/** Makes an aftercare sheet or summary of a signed session; with `open`, shows it for printing. */
export function useSessionDocument(patientId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (vars: {
      kind: SessionDocumentKind;
      sessionId: string;
      open?: boolean;
    }): Promise<ArchivedDocumentInfo> => {
      const doc = await generate(vars.kind, vars.sessionId);
      if (vars.open) {
        const { path } = await unwrap(api.documents.open({ documentId: doc.id }));
        await host.openPath(path);
      }
      return doc;
    },
    onSettled: () => client.invalidateQueries({ queryKey: documentsKeys.patient(patientId) }),
  });
}
