import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Menu,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../../../shared/documents/languages';
import type {
  ArchivedDocumentInfo,
  DocumentStatus,
  FileCheck,
} from '../../../../shared/api/documents';
import type { StaffUser } from '../../../../shared/api/staff';
import { useMay } from '../../lib/access';
import { api, unwrap } from '../../lib/api';
import { host } from '../../lib/host';
import { useSetSession } from '../../lib/session';
import { ConsentValidityPanel } from './ConsentValidityPanel';
import { GenerateConsentModal } from './GenerateConsentModal';
import { SigningModal } from './SigningModal';
import { formatDay } from '../../lib/dates';
import { documentsKeys, formatDocumentDate } from './queries';
import { wholeBadge } from '../../ui/whole-badge';

const statusColour: Record<DocumentStatus, string> = {
  generated: 'yellow',
  signed: 'teal',
  'signed-on-paper': 'teal',
  superseded: 'gray',
  withdrawn: 'orange',
};
const fileColour: Record<FileCheck, string> = { ok: 'teal', changed: 'red', missing: 'red' };

/** The chart's documents tab: consent state per procedure, and every archived document. */
export function DocumentsTab({
  patientId,
  patientName,
  archived,
  user,
  sessionDocuments,
}: {
  patientId: string;
  patientName: string;
  archived: boolean;
  user: StaffUser;
  /** The aftercare and summary panel; the sessions feature makes it, as it lists the sessions. */
  sessionDocuments: ReactNode;
}) {
  const { t } = useTranslation();
  // The admin reads the record but writes nothing clinical: no buttons that would be refused.
  const mayWrite = useMay('documents.generateConsent');
  const mayHandTablet = useMay('auth.handTablet');
  const setSession = useSetSession();
  const client = useQueryClient();
  const [generating, setGenerating] = useState(false);
  const [signing, setSigning] = useState<ArchivedDocumentInfo | null>(null);
  const [withdrawing, setWithdrawing] = useState<ArchivedDocumentInfo | null>(null);
  const [reason, setReason] = useState('');
  // The patient reads and signs their part on the tablet; the window follows the session state.
  const handTablet = useMutation({
    mutationFn: (doc: ArchivedDocumentInfo) =>
      unwrap(api.auth.handTablet({ patientId, consentId: doc.id })),
    onSuccess: (state) => setSession(state),
  });
  const documents = useQuery({
    queryKey: documentsKeys.list(patientId),
    queryFn: () => unwrap(api.documents.list({ patientId })),
  });
  const open = useMutation({
    mutationFn: async (doc: ArchivedDocumentInfo) => {
      const { path } = await unwrap(api.documents.open({ documentId: doc.id }));
      await host.openPath(path);
    },
    onSuccess: () => notifications.show({ message: t('documents.opened') }),
  });
  const saveCopy = useMutation({
    mutationFn: async (doc: ArchivedDocumentInfo) => {
      const { fileName } = await unwrap(api.documents.open({ documentId: doc.id }));
      const target = await host.chooseSaveFile('save-pdf', fileName);
      if (!target) return null;
      return unwrap(api.documents.saveCopy({ documentId: doc.id, target: target.token }));
    },
    onSuccess: (copy) => {
      if (copy)
        notifications.show({
          message: t('documents.copySaved', { path: copy.path }),
          color: 'teal',
        });
    },
  });
  const withdraw = useMutation({
    mutationFn: (doc: ArchivedDocumentInfo) =>
      unwrap(api.documents.withdrawConsent({ documentId: doc.id, reason })),
    onSuccess: async () => {
      setWithdrawing(null);
      setReason('');
      await client.invalidateQueries({ queryKey: documentsKeys.patient(patientId) });
      notifications.show({ message: t('documents.withdraw.done'), color: 'teal' });
    },
  });
  const actionError = open.error ?? saveCopy.error ?? handTablet.error;

  return (
    <Stack gap="md">
      <ConsentValidityPanel patientId={patientId} />
      {archived || !mayWrite ? null : sessionDocuments}
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" maw={620}>
          {t('documents.printHelp')}
        </Text>
        {archived || !mayWrite ? null : (
          <Button onClick={() => setGenerating(true)}>{t('documents.generateConsent')}</Button>
        )}
      </Group>
      {actionError ? (
        <Alert color="red" role="alert">
          {actionError.message}
        </Alert>
      ) : null}
      {documents.isPending ? <Loader aria-label={t('documents.loading')} /> : null}
      {documents.isError ? (
        <Alert color="red" role="alert">
          {documents.error.message}
        </Alert>
      ) : null}
      {documents.data && documents.data.length === 0 ? (
        <Text c="dimmed">{t('documents.empty')}</Text>
      ) : null}
      {documents.data && documents.data.length > 0 ? (
        <Table striped highlightOnHover aria-label={t('documents.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('documents.columns.document')}</Table.Th>
              <Table.Th>{t('documents.columns.date')}</Table.Th>
              <Table.Th>{t('documents.columns.template')}</Table.Th>
              <Table.Th>{t('documents.columns.status')}</Table.Th>
              <Table.Th>{t('documents.columns.file')}</Table.Th>
              <Table.Th>{t('documents.columns.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {documents.data.map((doc) => (
              <Table.Tr key={doc.id} data-testid="document-row">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {t(`documents.kinds.${doc.kind}`)}
                    {doc.procedureKind
                      ? ` · ${t(`documents.procedureKinds.${doc.procedureKind}`)}`
                      : ''}
                  </Text>
                  {doc.products.length > 0 ? (
                    <Text size="xs" c="dimmed">
                      {doc.products.join(', ')}
                    </Text>
                  ) : null}
                  {doc.withdrawnReason ? (
                    <Text size="xs" c="orange.8">
                      {t('documents.withdrawnBecause', { reason: doc.withdrawnReason })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDocumentDate(doc.generatedAt)}</Text>
                  <Text size="xs" c="dimmed">
                    {t('documents.by', { name: doc.generatedByName })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {doc.templateVersion === null
                      ? t('documents.noTemplate')
                      : t('documents.templateVersion', {
                          version: doc.templateVersion,
                          language: languageName(doc.language),
                        })}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {doc.kind === 'consent' ? (
                    <Badge color={statusColour[doc.status]} variant="light" style={wholeBadge}>
                      {t(`documents.statuses.${doc.status}`)}
                    </Badge>
                  ) : (
                    // Aftercare and summaries are handed out, never signed.
                    <Badge color="blue" variant="light">
                      {t('documents.statusIssued')}
                    </Badge>
                  )}
                  {doc.signedAt && doc.status !== 'generated' ? (
                    <Text size="xs" c="dimmed">
                      {formatDocumentDate(doc.signedAt)}
                    </Text>
                  ) : null}
                  {doc.patientSignedAt && doc.status === 'generated' ? (
                    <Text size="xs" c="dimmed">
                      {t('documents.patientSigned', {
                        date: formatDocumentDate(doc.patientSignedAt),
                      })}
                    </Text>
                  ) : null}
                  {doc.paperConfirmedByName ? (
                    <Text size="xs" c="dimmed">
                      {t('documents.paperConfirmedBy', { name: doc.paperConfirmedByName })}
                    </Text>
                  ) : null}
                  {doc.signers
                    .filter((signer) => signer.role !== 'patient')
                    .map((signer) => (
                      <Text size="xs" c="dimmed" key={signer.role}>
                        {t(`documents.signers.${signer.role}`, { name: signer.name })}
                        {signer.provenBy === 'password'
                          ? ` ${t('documents.signers.byPassword')}`
                          : ''}
                      </Text>
                    ))}
                  {doc.signedAfterTreatment && doc.treatmentDate ? (
                    <Badge color="orange" variant="light" mt={4}>
                      {t('documents.signedLate', { date: formatDay(doc.treatmentDate) })}
                    </Badge>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Tooltip label={t(`documents.fileCheckHelp.${doc.fileCheck}`)} multiline w={260}>
                    <Badge
                      color={fileColour[doc.fileCheck]}
                      variant={doc.fileCheck === 'ok' ? 'light' : 'filled'}
                      data-testid="file-check"
                      tabIndex={0}
                      style={wholeBadge}
                    >
                      {t(`documents.fileChecks.${doc.fileCheck}`)}
                    </Badge>
                  </Tooltip>
                  {doc.signatureCheck === 'invalid' ? (
                    <Text size="xs" c="red.8">
                      {t('documents.signaturesInvalid')}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {doc.kind === 'consent' &&
                    doc.status === 'generated' &&
                    !archived &&
                    mayWrite ? (
                      <Button size="compact-sm" onClick={() => setSigning(doc)}>
                        {t('documents.actions.sign')}
                      </Button>
                    ) : null}
                    {doc.kind === 'consent' &&
                    doc.status === 'generated' &&
                    doc.patientSignedAt === null &&
                    !archived &&
                    mayWrite &&
                    mayHandTablet ? (
                      <Button
                        size="compact-sm"
                        variant="light"
                        loading={handTablet.isPending}
                        onClick={() => handTablet.mutate(doc)}
                      >
                        {t('documents.actions.handTablet')}
                      </Button>
                    ) : null}
                    <Button
                      size="compact-sm"
                      variant="default"
                      disabled={doc.fileCheck !== 'ok'}
                      onClick={() => open.mutate(doc)}
                    >
                      {t('documents.actions.open')}
                    </Button>
                    <Menu position="bottom-end">
                      <Menu.Target>
                        <Button
                          size="compact-sm"
                          variant="subtle"
                          aria-label={t('documents.actionsFor', { title: doc.title })}
                        >
                          …
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        <Menu.Item
                          disabled={doc.fileCheck !== 'ok'}
                          onClick={() => saveCopy.mutate(doc)}
                        >
                          {t('documents.actions.saveCopy')}
                        </Menu.Item>
                        {doc.kind === 'consent' &&
                        mayWrite &&
                        (doc.status === 'signed' || doc.status === 'signed-on-paper') ? (
                          <Menu.Item color="orange" onClick={() => setWithdrawing(doc)}>
                            {t('documents.actions.withdraw')}
                          </Menu.Item>
                        ) : null}
                      </Menu.Dropdown>
                    </Menu>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <GenerateConsentModal
        patientId={patientId}
        user={user}
        opened={generating}
        onClose={() => setGenerating(false)}
        onGenerated={(doc) => {
          setGenerating(false);
          notifications.show({ message: t('documents.generate.done'), color: 'teal' });
          setSigning(doc);
        }}
      />
      {signing ? (
        <SigningModal doc={signing} patientName={patientName} onClose={() => setSigning(null)} />
      ) : null}
      <Modal
        opened={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        title={t('documents.withdraw.title')}
      >
        <Stack gap="sm">
          <Text size="sm">{t('documents.withdraw.help')}</Text>
          <Textarea
            label={t('documents.withdraw.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            maxLength={1000}
          />
          {withdraw.isError ? (
            <Alert color="red" role="alert">
              {withdraw.error.message}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button
              color="orange"
              disabled={reason.trim() === ''}
              loading={withdraw.isPending}
              onClick={() => withdrawing && withdraw.mutate(withdrawing)}
            >
              {t('documents.withdraw.submit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
