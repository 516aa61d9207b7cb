import { Alert, Anchor, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, unwrap } from '../../lib/api';
import { adverseEventsKeys } from './queries';
import { AdverseEventLine } from './AdverseEventsPanel';

/** Open adverse events, for the chart's alerts strip: shown until each is resolved. */
export function OpenAdverseEvents({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const open = useQuery({
    queryKey: adverseEventsKeys.open(patientId),
    queryFn: () => unwrap(api.adverseEvents.listOpen({ patientId })),
  });
  if (!open.data || open.data.length === 0) return null;
  return (
    <Alert color="orange" title={t('adverseEvents.openTitle')} data-testid="open-adverse-events">
      <Stack gap={4}>
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
