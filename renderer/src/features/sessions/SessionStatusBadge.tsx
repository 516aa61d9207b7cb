import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../../../../shared/api/sessions';
import { wholeBadge } from '../../ui/whole-badge';

const colours = { draft: 'orange', signed: 'teal', abandoned: 'gray' } as const;

/** A session's status, always in whole words (see wholeBadge). */
export function SessionStatusBadge({
  status,
  size,
}: {
  status: SessionStatus;
  size?: BadgeProps['size'];
}) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={colours[status]}
      size={size}
      style={wholeBadge}
      data-testid="session-status"
    >
      {t(`sessions.status.${status}`)}
    </Badge>
  );
}
