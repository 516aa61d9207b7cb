import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  Loader,
  Modal,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchivedDocumentInfo } from '../../../../shared/api/documents';
import { ApiFailure, api, unwrap } from '../../lib/api';
import { host } from '../../lib/host';
import { useSession } from '../../lib/session';
import { SignaturePadField } from './SignaturePadField';
import { ConsentTextPanel, type ChoiceAnswer } from './ConsentTextPanel';
import { consentChoices } from './consent-choices';
import { documentsKeys, formatDocumentDate } from './queries';

/**
 * The signing screen: the consent's text as it prints, the patient's separate choices, then the
 * patient and the practitioner sign on two pads. The practitioner's signature is theirs only:
 * when someone else is signed in here, the practitioner enters their own password, and the one
 * signed in may sign as witness. For anyone who cannot use a pointer (or prefers paper), the
 * printed form is signed by hand and confirmed here. When the patient already signed their part
 * on the tablet, only the practitioner's part (and any witness) is left to give here.
 */
export function SigningModal({
  doc,
  patientName,
  onClose,
  onSigned,
}: {
  doc: ArchivedDocumentInfo;
  patientName: string;
  onClose: () => void;
  /** Called once the consent is signed on screen or its paper signature confirmed. */
  onSigned?: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [patientPng, setPatientPng] = useState<string | null>(null);
  const [practitionerPng, setPractitionerPng] = useState<string | null>(null);
  const [witnessPng, setWitnessPng] = useState<string | null>(null);
  const [witnessing, setWitnessing] = useState(false);
  const [practitionerPassword, setPractitionerPassword] = useState('');
  const [answers, setAnswers] = useState<Record<string, ChoiceAnswer>>({});
  const [tried, setTried] = useState(false);
  const me = useSession().data?.user ?? null;
  const text = useQuery({
    queryKey: documentsKeys.consentText(doc.id),
    queryFn: () => unwrap(api.documents.consentText({ documentId: doc.id })),
  });
  const practitionerIsMe = me !== null && text.data?.practitionerId === me.id;
  const [paperSeen, setPaperSeen] = useState(false);
  const [paperNote, setPaperNote] = useState('');
  const done = async (message: string) => {
    await client.invalidateQueries({ queryKey: documentsKeys.patient(doc.patientId) });
    notifications.show({ message, color: 'teal' });
    onClose();
    onSigned?.();
  };
  const sign = useMutation({
    mutationFn: (input: Omit<Parameters<typeof api.documents.signConsent>[0], 'documentId'>) =>
      unwrap(api.documents.signConsent({ documentId: doc.id, ...input })),
    onSuccess: () => done(t('documents.sign.signed')),
  });
  const paper = useMutation({
    mutationFn: () =>
      unwrap(api.documents.confirmPaperSignature({ documentId: doc.id, note: paperNote })),
    onSuccess: () => done(t('documents.sign.paperDone')),
  });
  const open = useMutation({
    mutationFn: async () => {
      const { path } = await unwrap(api.documents.open({ documentId: doc.id }));
      await host.openPath(path);
    },
  });
  const choices = consentChoices(text.data, answers);
  // The patient signed their part on the tablet: their signature and choices are already given.
  const patientDone = doc.patientSignedAt !== null;
  const submit = () => {
    setTried(true);
    if (!practitionerPng) return;
    if (!patientDone && (!patientPng || !choices.complete)) return;
    if (!practitionerIsMe && practitionerPassword === '') return;
    if (witnessing && !witnessPng) return;
    sign.mutate({
      ...(patientDone || !patientPng
        ? {}
        : { patientSignature: patientPng, choices: choices.input }),
      practitionerSignature: practitionerPng,
      ...(practitionerIsMe ? {} : { practitionerPassword }),
      ...(witnessing && witnessPng ? { witnessSignature: witnessPng } : {}),
    });
  };
  const serverField = (name: string) =>
    sign.error instanceof ApiFailure ? sign.error.field(name) : undefined;
  const choiceErrors = choices.errors(tried, t('documents.sign.choiceRequired'), serverField);
  const practitionerName = text.data?.practitionerName ?? doc.practitionerName ?? '';
  const busy = sign.isPending || paper.isPending;
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('documents.sign.title')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.cancel') }}
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          {doc.title}
        </Title>
        <Text>
          {t('documents.sign.summary', {
            patient: patientName,
            procedure: doc.procedureKind ? t(`documents.procedureKinds.${doc.procedureKind}`) : '',
          })}
        </Text>
        {doc.products.length > 0 ? (
          <Text size="sm">
            {t('documents.sign.products', { products: doc.products.join(', ') })}
          </Text>
        ) : null}
        <Group>
          <Text size="sm" c="dimmed">
            {t('documents.sign.readFirst')}
          </Text>
          <Button variant="light" size="compact-sm" onClick={() => open.mutate()}>
            {t('documents.sign.openForm')}
          </Button>
        </Group>
        {patientDone ? (
          <Alert color="teal" data-testid="patient-signed-on-tablet">
            {t('documents.sign.patientSignedOnTablet', {
              patient: patientName,
              date: formatDocumentDate(doc.patientSignedAt ?? ''),
            })}
          </Alert>
        ) : text.data ? (
          <ConsentTextPanel
            text={text.data}
            answers={answers}
            onAnswer={(id, a) => setAnswers((all) => ({ ...all, [id]: a }))}
            errors={choiceErrors}
          />
        ) : text.isError ? (
          <Alert color="red" role="alert">
            {text.error.message}
          </Alert>
        ) : (
          <Loader size="sm" aria-label={t('documents.sign.loadingText')} />
        )}
        {open.isError ? (
          <Alert color="red" role="alert">
            {open.error.message}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {patientDone ? null : (
            <SignaturePadField
              label={t('documents.sign.patientPad')}
              onChange={setPatientPng}
              testId="patient-signature-pad"
              error={
                tried && !patientPng
                  ? t('documents.sign.required')
                  : serverField('patientSignature')
              }
            />
          )}
          <Stack gap={4}>
            <SignaturePadField
              label={t('documents.sign.practitionerPadOf', { name: practitionerName })}
              onChange={setPractitionerPng}
              testId="practitioner-signature-pad"
              error={
                tried && !practitionerPng
                  ? t('documents.sign.required')
                  : serverField('practitionerSignature')
              }
            />
            {text.data && !practitionerIsMe ? (
              <PasswordInput
                label={t('documents.sign.practitionerPassword', { name: practitionerName })}
                description={t('documents.sign.practitionerPasswordHelp', {
                  name: practitionerName,
                })}
                autoComplete="off"
                value={practitionerPassword}
                onChange={(e) => setPractitionerPassword(e.currentTarget.value)}
                error={
                  tried && practitionerPassword === ''
                    ? t('documents.sign.passwordRequired', { name: practitionerName })
                    : serverField('practitionerPassword')
                }
                required
              />
            ) : null}
          </Stack>
        </SimpleGrid>
        {text.data && !practitionerIsMe && me ? (
          <Stack gap={4}>
            <Checkbox
              label={t('documents.sign.witnessAs', { name: me.displayName })}
              checked={witnessing}
              onChange={(e) => setWitnessing(e.currentTarget.checked)}
            />
            {witnessing ? (
              <SignaturePadField
                label={t('documents.sign.witnessPad', { name: me.displayName })}
                onChange={setWitnessPng}
                testId="witness-signature-pad"
                error={
                  tried && !witnessPng
                    ? t('documents.sign.required')
                    : serverField('witnessSignature')
                }
              />
            ) : null}
          </Stack>
        ) : null}
        {sign.isError ? (
          <Alert color="red" role="alert">
            {sign.error.message}
          </Alert>
        ) : null}
        {sign.isPending ? (
          <Text size="sm" role="status">
            {t('documents.sign.signing')}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button onClick={submit} loading={sign.isPending} disabled={busy}>
            {t('documents.sign.submit')}
          </Button>
        </Group>
        {/* Signed by the patient on the tablet: the practitioner signs on screen, not on paper. */}
        {patientDone ? null : (
          <>
            <Divider my="xs" />
            <Title order={4} size="h5">
              {t('documents.sign.paperTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('documents.sign.paperHelp')}
            </Text>
            <Group align="flex-end">
              <TextInput
                label={t('documents.sign.paperNote')}
                value={paperNote}
                maxLength={500}
                onChange={(e) => setPaperNote(e.currentTarget.value)}
                style={{ flex: 1 }}
              />
              <Button variant="default" onClick={() => open.mutate()}>
                {t('documents.actions.open')}
              </Button>
            </Group>
            <Checkbox
              label={t('documents.sign.paperConfirm')}
              checked={paperSeen}
              onChange={(e) => setPaperSeen(e.currentTarget.checked)}
            />
            {paper.isError ? (
              <Alert color="red" role="alert">
                {paper.error.message}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button
                variant="outline"
                disabled={!paperSeen || busy}
                loading={paper.isPending}
                onClick={() => paper.mutate()}
              >
                {t('documents.sign.paperSubmit')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
