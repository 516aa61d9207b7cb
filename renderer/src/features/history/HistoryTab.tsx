import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  allergyTicks,
  conditionKeys,
  diffHistory,
  notAskedQuestions,
  type HistoryAnswers,
} from '../../../../shared/api/history';
import { useMay } from '../../lib/access';
import { api, unwrap } from '../../lib/api';
import { formatDay, formatDayOfInstant, formatInstant } from '../../lib/dates';
import { useSetSession } from '../../lib/session';
import { historyKeys } from './queries';
import { yesNoQuestionLabelKey } from '../screening';

type T = (key: string, options?: Record<string, unknown>) => string;

/** A readable label for a changed answer's path, e.g. `conditions.pregnancy`. */
function pathLabel(t: T, path: string): string {
  const [head = '', tail = ''] = path.split('.', 2);
  const rest = path.split('.').slice(2).join('.');
  switch (head) {
    case 'conditions':
      return t(`history.conditions.${tail}`);
    case 'allergies':
      return tail === 'ticks' ? t(`history.allergyTicks.${rest}`) : t('history.allergyOther');
    case 'surgery':
      return t(
        { recent: 'history.surgeryRecent', date: 'history.surgeryDate' }[tail] ??
          'history.surgeryDetails',
      );
    case 'isotretinoin':
      return tail === 'taken' ? t('history.isotretinoin') : t('history.isotretinoinDate');
    case 'medicines':
    case 'treatments':
      return t(`history.sections.${head}`);
    default:
      return t(`history.${head}`);
  }
}

function shownValue(t: T, value: string): string {
  if (value === 'yes' || value === 'no') return t(`history.${value}`);
  if (value === 'not asked') return t('history.answers.not-asked');
  return value || t('chart.empty');
}

function Summary({ answers }: { answers: HistoryAnswers }) {
  const { t } = useTranslation();
  const conditions = conditionKeys.filter((k) => answers.conditions[k] === 'yes');
  const notAsked = notAskedQuestions(answers);
  const allergies = [
    ...allergyTicks
      .filter((k) => answers.allergies.ticks[k] === 'yes')
      .map((k) => t(`history.allergyTicks.${k}`)),
    ...(answers.allergies.other.trim() ? [answers.allergies.other] : []),
  ];
  const none = (
    <Text size="sm" c="dimmed">
      {t('history.summary.none')}
    </Text>
  );
  const block = (title: string, body: React.ReactNode) => (
    <Stack gap={2}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      {body}
    </Stack>
  );
  const text = (s: string) => (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {s}
    </Text>
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {block(
        t('history.summary.conditions'),
        <>
          {conditions.length
            ? text(conditions.map((k) => t(`history.conditions.${k}`)).join(', '))
            : none}
          {answers.conditionNotes ? text(answers.conditionNotes) : null}
          {answers.surgery.recent === 'yes'
            ? text(
                `${t('history.summary.surgery', { date: formatDay(answers.surgery.date) })}${answers.surgery.details ? ` — ${answers.surgery.details}` : ''}`,
              )
            : null}
          {answers.isotretinoin.taken === 'yes'
            ? text(
                t('history.summary.isotretinoin', {
                  date: formatDay(answers.isotretinoin.lastDate),
                }),
              )
            : null}
        </>,
      )}
      {block(t('history.summary.allergies'), allergies.length ? text(allergies.join(', ')) : none)}
      {notAsked.length > 0 ? (
        <Stack gap={2} data-testid="history-not-asked">
          <Text size="sm" fw={600} c="orange.9">
            {t('history.summary.notAsked')}
          </Text>
          {text(notAsked.map((q) => t(yesNoQuestionLabelKey(q))).join(', '))}
        </Stack>
      ) : null}
      {block(
        t('history.summary.medicines'),
        answers.medicines.length ? (
          <Stack gap={0}>
            {answers.medicines.map((m, i) => (
              <div key={i}>
                {text(
                  m.lastDose
                    ? `${m.text} (${t('history.summary.lastDose', { date: formatDay(m.lastDose) })})`
                    : m.text,
                )}
              </div>
            ))}
          </Stack>
        ) : (
          none
        ),
      )}
      {block(
        t('history.summary.treatments'),
        answers.treatments.length ? (
          <Stack gap={0}>
            {answers.treatments.map((tr, i) => (
              <div key={i}>
                {text(
                  [tr.kind, tr.area, tr.product, tr.date ? formatDay(tr.date) : '']
                    .filter(Boolean)
                    .join(' · '),
                )}
              </div>
            ))}
          </Stack>
        ) : (
          none
        ),
      )}
      {block(
        t('history.summary.skin'),
        text(
          [
            `${t('history.fitzpatrick')}: ${answers.fitzpatrick ?? t('history.notAnswered')}`,
            `${t('history.glogau')}: ${answers.glogau ?? t('history.notAnswered')}`,
          ].join(' · '),
        ),
      )}
      {block(
        t('history.summary.habits'),
        text(
          [
            `${t('history.smoking')}: ${answers.smoking ? t(`history.smokingHabits.${answers.smoking}`) : t('history.notAnswered')}`,
            `${t('history.alcohol')}: ${answers.alcohol ? t(`history.alcoholHabits.${answers.alcohol}`) : t('history.notAnswered')}`,
          ].join(' · '),
        ),
      )}
    </SimpleGrid>
  );
}

function VersionView({ patientId, version }: { patientId: string; version: number }) {
  const { t } = useTranslation();
  const read = useQuery({
    queryKey: historyKeys.version(patientId, version),
    queryFn: () => unwrap(api.history.version({ patientId, version })),
  });
  if (read.isError) return <Alert color="red">{read.error.message}</Alert>;
  if (!read.data) return null;
  const { version: v, previous } = read.data;
  const changes = diffHistory(previous?.answers ?? null, v.answers);
  return (
    <Stack>
      <Text fw={600}>
        {t('history.versionMeta', {
          version: v.version,
          when: formatInstant(v.recordedAt),
          by: v.recordedBy,
        })}
        {v.takenBy === 'patient' ? ` (${t('history.takenByPatient')})` : ''}
      </Text>
      <Summary answers={v.answers} />
      <Title order={4} size="h6">
        {previous ? t('history.changesFromPrevious') : t('history.firstVersion')}
      </Title>
      {previous && changes.length === 0 ? <Text size="sm">{t('history.noChanges')}</Text> : null}
      {previous && changes.length > 0 ? (
        <Table aria-label={t('history.changesFromPrevious')} striped>
          <Table.Tbody>
            {changes.map((c) => (
              <Table.Tr key={c.path}>
                <Table.Td w={260}>{pathLabel(t, c.path)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                  <Text span td="line-through" c="dimmed" size="sm">
                    {shownValue(t, c.before)}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>
                  <Text span size="sm">
                    {shownValue(t, c.after)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}

/** The latest answers, every earlier version, and what changed between each and the one before. */
export function HistoryTab({ patientId, archived }: { patientId: string; archived: boolean }) {
  const { t } = useTranslation();
  // The front desk takes the intake but does not read earlier answers: buttons only.
  const mayRead = useMay('history.get');
  const mayTake = useMay('history.submit');
  const setSession = useSetSession();
  const [handError, setHandError] = useState<string | null>(null);
  // The main process locks the staff session and holds the tablet to this patient; the window
  // then shows the tablet screen because the session says so.
  const handTablet = async () => {
    setHandError(null);
    try {
      setSession(await unwrap(api.auth.handTablet({ patientId })));
    } catch (error) {
      setHandError(error instanceof Error ? error.message : String(error));
    }
  };
  const history = useQuery({
    queryKey: historyKeys.latest(patientId),
    queryFn: () => unwrap(api.history.get({ patientId })),
    enabled: mayRead,
  });
  const [selected, setSelected] = useState<number | null>(null);
  const versions = history.data?.versions ?? [];
  const shown = selected ?? versions[0]?.version ?? null;
  return (
    <Stack>
      <Group display={mayTake ? undefined : 'none'}>
        <Button component={Link} to={`/patients/${patientId}/history/new`} disabled={archived}>
          {versions.length ? t('history.update') : t('history.take')}
        </Button>
        <Button variant="light" disabled={archived} onClick={() => void handTablet()}>
          {t('history.handToPatient')}
        </Button>
      </Group>
      {handError ? (
        <Alert color="red" role="alert">
          {handError}
        </Alert>
      ) : null}
      {history.isError ? <Alert color="red">{history.error.message}</Alert> : null}
      {mayRead ? null : <Text c="dimmed">{t('history.intakeOnly')}</Text>}
      {history.isSuccess && versions.length === 0 ? (
        <Text c="dimmed">{t('chart.noHistory')}</Text>
      ) : null}
      {versions.length > 0 ? (
        <Group align="flex-start" wrap="nowrap">
          <Paper withBorder p="xs" w={240} component="nav" aria-label={t('history.versions')}>
            <Stack gap={4}>
              {versions.map((v) => (
                <Button
                  key={v.version}
                  variant={v.version === shown ? 'light' : 'subtle'}
                  justify="flex-start"
                  size="compact-sm"
                  onClick={() => setSelected(v.version)}
                  aria-current={v.version === shown ? 'true' : undefined}
                >
                  {t('history.version', { version: v.version })} ·{' '}
                  {formatDayOfInstant(v.recordedAt)}
                </Button>
              ))}
            </Stack>
          </Paper>
          <Paper withBorder p="md" flex={1}>
            {shown !== null ? <VersionView patientId={patientId} version={shown} /> : null}
          </Paper>
        </Group>
      ) : null}
    </Stack>
  );
}
