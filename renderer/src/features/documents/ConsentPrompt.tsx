import { personName } from '../../../../shared/patients/person-name';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Course } from '../../../../shared/api/courses';
import type { ArchivedDocumentInfo } from '../../../../shared/api/documents';
import { api, unwrap } from '../../lib/api';
import { useSession } from '../../lib/session';
import { patientsKeys } from '../patients';
import type { ConsentNeed } from './queries';
import { GenerateConsentModal } from './GenerateConsentModal';
import { SigningModal } from './SigningModal';

/**
 * Says which consent is missing and offers to make it and have it signed now, on screen or on
 * paper. The service refuses a session without it, so there is no way round it here.
 */
export function ConsentPrompt({
  patientId,
  course,
  productIds = [],
  need,
  opened,
  onClose,
  onConsented,
}: {
  patientId: string;
  /** The course the session belongs to; null for a single session. */
  course: Course | null;
  /** The products to name on the form when there is no course. */
  productIds?: string[];
  need: ConsentNeed;
  opened: boolean;
  onClose: () => void;
  /** Called once the consent is signed, so the refused step can be tried again. */
  onConsented?: () => void;
}) {
  const { t } = useTranslation();
  const session = useSession();
  const user = session.data?.user ?? null;
  const chart = useQuery({
    queryKey: patientsKeys.chart(patientId),
    queryFn: () => unwrap(api.patients.get({ id: patientId })),
  });
  const [generating, setGenerating] = useState(false);
  const [signing, setSigning] = useState<ArchivedDocumentInfo | null>(null);
  const procedure = t(`documents.procedureKinds.${need.procedureKind}`);
  const patient = chart.data?.patient;
  return (
    <>
      <Modal opened={opened} onClose={onClose} title={t('documents.consentPrompt.title')} size="lg">
        <Stack gap="sm">
          <Alert color="orange" role="alert" data-testid="consent-prompt">
            {t(
              need.state === 'none'
                ? 'documents.consentPrompt.missing'
                : 'documents.consentPrompt.attention',
              { procedure },
            )}
          </Alert>
          <Text size="sm" c="dimmed">
            {t('documents.consentPrompt.help')}
          </Text>
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onClose}>
              {t('documents.consentPrompt.cancel')}
            </Button>
            <Button
              disabled={!user}
              onClick={() => {
                onClose();
                setGenerating(true);
              }}
            >
              {t('documents.consentPrompt.generate')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {user ? (
        <GenerateConsentModal
          patientId={patientId}
          user={user}
          opened={generating}
          onClose={() => setGenerating(false)}
          initial={{
            procedureKind: need.procedureKind,
            productIds: course?.protocol.productIds ?? productIds,
            ...(course
              ? { plannedSessions: course.plannedSessions, intervalDays: course.intervalDays }
              : {}),
          }}
          onGenerated={(doc) => {
            setGenerating(false);
            notifications.show({ message: t('documents.generate.done'), color: 'teal' });
            setSigning(doc);
          }}
        />
      ) : null}
      {signing ? (
        <SigningModal
          doc={signing}
          patientName={patient ? personName(patient) : ''}
          onClose={() => setSigning(null)}
          onSigned={onConsented}
        />
      ) : null}
    </>
  );
}
