import { Alert, Anchor, Center, Loader, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { StaffUser } from '../../../../shared/api/staff';
import { api, unwrap } from '../../lib/api';
import { SessionForm } from './SessionForm';
import { SessionView } from './SessionView';
import { SignForPractitioner } from './SignForPractitioner';
import { SessionCockpit } from './SessionCockpit';
import { sessionsKeys } from './queries';
import { SessionCheck } from '../screening';
import { AdverseEventsPanel } from '../adverse-events';
import { productsKeys } from '../products';

/** One session: its draft form for the practitioner who started it, otherwise the record. */
export function SessionPage({ user }: { user: StaffUser }) {
  const { t } = useTranslation();
  const { patientId = '', sessionId = '' } = useParams();
  const session = useQuery({
    queryKey: sessionsKeys.one(sessionId),
    queryFn: () => unwrap(api.sessions.get({ id: sessionId })),
  });
  const products = useQuery({
    queryKey: productsKeys.withInactive,
    queryFn: () => unwrap(api.products.list({ includeInactive: true })),
  });
  if (session.isPending || products.isPending) {
    return (
      <Center h={200}>
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (session.isError || products.isError) {
    return (
      <Alert color="red" role="alert">
        {(session.error ?? products.error)?.message}
      </Alert>
    );
  }
  const s = session.data;
  const practitioner = user.role === 'practitioner';
  const ownDraft = s.status === 'draft' && s.practitionerId === user.id;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/patients/${patientId}/treatments`} size="sm">
        {t('sessions.backToTreatments')}
      </Anchor>
      <SessionCockpit session={s} />
      {ownDraft ? (
        // Keyed by id so a different session never inherits this one's form state.
        <SessionForm key={s.id} session={s} products={products.data} />
      ) : (
        <SessionView session={s} canAmend={practitioner} />
      )}
      {/* A colleague's draft: its practitioner signs it here with their own password. */}
      {s.status === 'draft' && !ownDraft && practitioner ? (
        <SignForPractitioner key={s.id} session={s} />
      ) : null}
      <SessionCheck patientId={s.patientId} screeningId={s.screeningId} />
      {s.status !== 'abandoned' ? (
        <AdverseEventsPanel
          sessionId={s.id}
          patientId={s.patientId}
          events={s.adverseEvents}
          canRecord={practitioner}
        />
      ) : null}
    </Stack>
  );
}
