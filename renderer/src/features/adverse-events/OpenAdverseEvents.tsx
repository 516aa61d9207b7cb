import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../lib/api';
import { adverseEventsKeys } from './queries';
import { AdverseEventLine } from './AdverseEventsPanel';

/**
 * Open adverse events, for the chart's alerts strip: shown until each is resolved. Compact keeps
 * them to one line each, for headers that stay on screen.
 */
export function OpenAdverseEvents({
  patientId,
  compact = false,
}: {
  patientId: string;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const open = useQuery({
    queryKey: adverseEventsKeys.open(patientId),
    queryFn: () => unwrap(api.adverseEvents.listOpen({ patientId })),
  });
  if (!open.data || open.data.length === 0) return null;
  return (
    <Alert
      color="orange"
      title={compact ? undefined : t('adverseEvents.openTitle')}
      aria-label={t('adverseEvents.openTitle')}
      p={compact ? 6 : undefined}
      data-testid="open-adverse-events"
    >
      <Stack gap={compact ? 0 : 4}>
        {compact ? (
          <Text size="sm" fw={700} c="orange.8">
            {t('adverseEvents.openTitle')}
          </Text>
        ) : null}
        {open.data.map((e) => (
          <Anchor
            key={e.id}
            component={Link}
            to={`/patients/${patientId}/sessions/${e.sessionId}`}
            underline="never"
            c="inherit"
          >
            <AdverseEventLine event={e} />
          </Anchor>
        ))}
      </Stack>
    </Alert>
  );
}
