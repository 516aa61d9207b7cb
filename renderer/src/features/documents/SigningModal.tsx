import {
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchivedDocumentInfo } from '../../../../shared/api/documents';
import { ApiFailure, api, unwrap } from '../../lib/api';
import { host } from '../../lib/host';
import { SignaturePadField } from './SignaturePadField';
import { documentsKeys } from './queries';

/**
 * The signing screen: the patient and the practitioner sign on two pads, or, for anyone who
 * cannot use a pointer (or prefers paper), the printed form is signed by hand and confirmed here.
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
  const [tried, setTried] = useState(false);
  const [paperSeen, setPaperSeen] = useState(false);
  const [paperNote, setPaperNote] = useState('');
  const done = async (message: string) => {
    await client.invalidateQueries({ queryKey: documentsKeys.patient(doc.patientId) });
    notifications.show({ message, color: 'teal' });
    onClose();
    onSigned?.();
  };
  const sign = useMutation({
    mutationFn: (input: { patientSignature: string; practitionerSignature: string }) =>
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
  const submit = () => {
    setTried(true);
    if (!patientPng || !practitionerPng) return;
    sign.mutate({ patientSignature: patientPng, practitionerSignature: practitionerPng });
  };
  const serverField = (name: string) =>
    sign.error instanceof ApiFailure ? sign.error.error.fields?.[name] : undefined;
  const busy = sign.isPending || paper.isPending;
  return (
    <Modal opened onClose={onClose} title={t('documents.sign.title')} size="xl">
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
        {open.isError ? (
          <Alert color="red" role="alert">
            {open.error.message}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <SignaturePadField
            label={t('documents.sign.patientPad')}
            onChange={setPatientPng}
            testId="patient-signature-pad"
            error={
              tried && !patientPng ? t('documents.sign.required') : serverField('patientSignature')
            }
          />
          <SignaturePadField
            label={t('documents.sign.practitionerPad')}
            onChange={setPractitionerPng}
            testId="practitioner-signature-pad"
            error={
              tried && !practitionerPng
                ? t('documents.sign.required')
                : serverField('practitionerSignature')
            }
          />
        </SimpleGrid>
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
      </Stack>
    </Modal>
  );
}
