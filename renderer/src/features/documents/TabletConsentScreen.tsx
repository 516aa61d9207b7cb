import { Alert, Box, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../../../shared/api/auth';
import { ApiFailure, api, unwrap } from '../../lib/api';
import { ConsentTextPanel, type ChoiceAnswer } from './ConsentTextPanel';
import { SignaturePadField } from './SignaturePadField';
import { consentChoices } from './consent-choices';
import { documentsKeys } from './queries';

type PatientMode = NonNullable<SessionState['patientMode']>;

/**
 * The consent in the patient's hands: its text as it prints, their separate choices and their
 * signature, nothing of the practitioner's part. The main process holds patient mode and lets
 * through only this patient's consent reading and signing; the practitioner signs their part
 * once staff have taken the tablet back (`handBack`, their own password).
 */
export function TabletConsentScreen({
  mode,
  consentId,
  handBack,
}: {
  mode: PatientMode;
  consentId: string;
  /** The screen where staff take the tablet back with their own password. */
  handBack: ReactNode;
}) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<'reading' | 'hand-back'>('reading');
  const [png, setPng] = useState<string | null>(null);
  const [answers, setAnswers] = useState<Record<string, ChoiceAnswer>>({});
  const [tried, setTried] = useState(false);
  const text = useQuery({
    queryKey: documentsKeys.consentText(consentId),
    queryFn: () => unwrap(api.documents.consentText({ documentId: consentId })),
  });
  // Signed already (the window was reloaded after signing): straight to the hand-back.
  const doc = useQuery({
    queryKey: documentsKeys.document(mode.patientId, consentId),
    queryFn: () => unwrap(api.documents.get({ documentId: consentId })),
  });
  const sign = useMutation({
    mutationFn: (input: { patientSignature: string }) =>
      unwrap(
        api.documents.signConsentAsPatient({
          documentId: consentId,
          ...input,
          choices: choices.input,
        }),
      ),
    onSuccess: () => setPhase('hand-back'),
  });
  const choices = consentChoices(text.data, answers);
  const serverField = (name: string) =>
    sign.error instanceof ApiFailure ? sign.error.field(name) : undefined;
  const submit = () => {
    setTried(true);
    if (!png || !choices.complete) return;
    sign.mutate({ patientSignature: png });
  };
  if (phase === 'hand-back' || doc.data?.patientSignedAt) return handBack;
  return (
    <Box maw={900} mx="auto" p="xl" data-testid="tablet-consent">
      <Stack gap="lg">
        <Title order={1}>{t('documents.tablet.title')}</Title>
        <Text size="xl">{t('documents.tablet.intro', { name: mode.givenName })}</Text>
        {text.data ? (
          <ConsentTextPanel
            text={text.data}
            answers={answers}
            onAnswer={(id, a) => setAnswers((all) => ({ ...all, [id]: a }))}
            errors={choices.errors(tried, t('documents.tablet.choiceRequired'), serverField)}
          />
        ) : text.isError ? (
          <Alert color="red" role="alert">
            {t('history.tablet.failed', { message: text.error.message })}
          </Alert>
        ) : (
          <Loader aria-label={t('documents.sign.loadingText')} />
        )}
        <SignaturePadField
          label={t('documents.tablet.pad')}
          onChange={setPng}
          testId="patient-signature-pad"
          error={tried && !png ? t('documents.sign.required') : serverField('patientSignature')}
        />
        {sign.isError ? (
          <Alert color="red" role="alert">
            {sign.error.message}
          </Alert>
        ) : null}
        <Group justify="space-between">
          <Button variant="default" size="lg" onClick={() => setPhase('hand-back')}>
            {t('history.tablet.cancel')}
          </Button>
          <Button size="lg" onClick={submit} loading={sign.isPending} disabled={!text.data}>
            {t('documents.tablet.submit')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}
