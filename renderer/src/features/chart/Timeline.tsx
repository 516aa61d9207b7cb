import { Anchor, Badge, Group, Stack, Text, Timeline as MantineTimeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TimelineEntry } from '../../../../shared/api/recall';
import { assertNever } from '../../../../shared/api/result';
import { formatDay } from '../../lib/dates';

function useDescribe() {
  const { t } = useTranslation();
  return (e: TimelineEntry): string => {
    switch (e.kind) {
      case 'check':
        return t('timeline.check', { status: t(`timeline.checkStatus.${e.facts.status ?? ''}`) });
      case 'session': {
        const status = t(`sessions.status.${e.facts.status ?? 'draft'}`);
        const areas = (e.facts.areas ?? '')
          .split(',')
          .filter(Boolean)
          .map((a) => t(`treatmentAreas.${a}`))
          .join(', ');
        // A draft left before any area was chosen reads "Session (Draft — not signed)".
        const line = areas
          ? t('timeline.session', { status, areas })
          : t('timeline.sessionNoAreas', { status });
        return e.facts.reason
          ? `${line} — ${t('sessions.abandonReasonShown', { reason: e.facts.reason })}`
          : line;
      }
      case 'addendum':
        return t('timeline.addendum', { text: e.facts.text ?? '' });
      case 'adverse-event':
        return t('timeline.adverseEvent', {
          kind: t(`adverseEvents.kinds.${e.facts.kind ?? 'other'}`),
          severity: t(`adverseEvents.severities.${e.facts.severity ?? 'mild'}`),
        });
      case 'adverse-event-resolved':
        return t('timeline.adverseEventResolved', {
          kind: t(`adverseEvents.kinds.${e.facts.kind ?? 'other'}`),
        });
      case 'follow-up':
        return t('timeline.followUp', { gais: e.facts.gais, satisfaction: e.facts.satisfaction });
      default:
        return assertNever(e.kind);
    }
  };
}

const colours = {
  check: 'blue',
  session: 'teal',
  addendum: 'grape',
  'adverse-event': 'orange',
  'adverse-event-resolved': 'gray',
  'follow-up': 'cyan',
} as const;

/** The patient's clinical record in one chronological list, newest first. */
export function Timeline({ patientId, entries }: { patientId: string; entries: TimelineEntry[] }) {
  const { t } = useTranslation();
  const describe = useDescribe();
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('timeline.empty')}
      </Text>
    );
  }
  return (
    <MantineTimeline bulletSize={14} lineWidth={2} aria-label={t('timeline.title')}>
      {entries.map((e) => (
        <MantineTimeline.Item key={`${e.kind}-${e.id}`} color={colours[e.kind]}>
          <Stack gap={0}>
            <Group gap="xs">
              <Badge size="xs" variant="light" color={colours[e.kind]}>
                {t(`timeline.kinds.${e.kind}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {formatDay(e.date)} · {e.staffName}
              </Text>
            </Group>
            {e.sessionId ? (
              <Anchor
                component={Link}
                to={`/patients/${patientId}/sessions/${e.sessionId}`}
                size="sm"
              >
                {describe(e)}
              </Anchor>
            ) : (
              <Text size="sm">{describe(e)}</Text>
            )}
          </Stack>
        </MantineTimeline.Item>
      ))}
    </MantineTimeline>
  );
}
