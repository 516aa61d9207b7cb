import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { FirstStepKey } from '../../../../shared/api/clinic';
import { api, unwrap } from '../../lib/api';
import { clinicKeys } from './queries';

/** Where each step is done. */
const stepPlace: Record<FirstStepKey, string> = {
  staff: '/settings?tab=staff',
  products: '/products',
  templates: '/settings?tab=templates',
  backups: '/settings?tab=backups',
};

/**
 * The admin's list of what a new clinic still needs, until it is all done or put away. The
 * ticks come from the record (the service checks each step), never from clicking them.
 */
export function FirstSteps() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const steps = useQuery({
    queryKey: clinicKeys.firstSteps,
    queryFn: () => unwrap(api.clinic.firstSteps({})),
    // Each step is done on another screen: ask again whenever the list is shown.
    staleTime: 0,
  });
  const dismiss = useMutation({
    mutationFn: () => unwrap(api.clinic.dismissFirstSteps({})),
    onSuccess: (value) => client.setQueryData(clinicKeys.firstSteps, value),
  });
  if (!steps.data?.show) return null;
  const done = steps.data.steps.filter((s) => s.done).length;
  return (
    <Paper withBorder p="md" mb="lg" component="section" aria-labelledby="first-steps-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={2}>
            <Title order={2} size="h4" id="first-steps-title">
              {t('firstSteps.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('firstSteps.progress', { done, total: steps.data.steps.length })}
            </Text>
          </Stack>
          <Button
            variant="subtle"
            size="xs"
            loading={dismiss.isPending}
            onClick={() => dismiss.mutate()}
          >
            {t('firstSteps.dismiss')}
          </Button>
        </Group>
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {steps.data.steps.map((step) => (
            <Group
              component="li"
              key={step.key}
              gap="sm"
              wrap="nowrap"
              align="flex-start"
              data-testid={`first-step-${step.key}`}
            >
              <Badge
                color={step.done ? 'teal' : 'gray'}
                variant={step.done ? 'filled' : 'outline'}
                w={72}
                style={{ flexShrink: 0 }}
              >
                {step.done ? t('firstSteps.done') : t('firstSteps.toDo')}
              </Badge>
              <Stack gap={0}>
                <Text fw={600} size="sm" td={step.done ? 'line-through' : undefined}>
                  {t(`firstSteps.steps.${step.key}.title`)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t(`firstSteps.steps.${step.key}.detail`)}
                </Text>
                {step.done ? null : (
                  <Anchor component={Link} to={stepPlace[step.key]} size="sm">
                    {t(`firstSteps.steps.${step.key}.go`)}
                  </Anchor>
                )}
              </Stack>
            </Group>
          ))}
        </Stack>
        {dismiss.isError ? (
          <Alert color="red" role="alert">
            {dismiss.error.message}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
