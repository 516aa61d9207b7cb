import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Course } from '../../../../shared/api/courses';
import { api, unwrap } from '../../lib/api';
import { formatDay } from '../../lib/dates';
import { TREATMENTS_KEY } from '../../lib/query-keys';
import { ConsentPrompt, useConsentNeed } from '../documents';
import { FormError } from '../../ui/FormError';

/** Starts today's session, from a course's protocol or on its own; the check gate is the server's. */
export function StartSession({ patientId, courses }: { patientId: string; courses: Course[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const active = courses.filter((c) => c.status === 'active' && c.progress.nextNumber !== null);
  // Undefined until the user chooses: the next due course is the default, also once it appears.
  const [choice, setChoice] = useState<string | null | undefined>(undefined);
  const courseId = choice === undefined ? (active[0]?.id ?? null) : choice;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const chosen = active.find((c) => c.id === courseId);
  const consentNeed = useConsentNeed(patientId, chosen ?? null);
  const [prompting, setPrompting] = useState(false);
  const start = async () => {
    setError(null);
    setBusy(true);
    try {
      const session = await unwrap(
        api.sessions.start({ patientId, courseId: courseId ?? null, plannedProductIds: [] }),
      );
      await client.invalidateQueries({ queryKey: TREATMENTS_KEY });
      void navigate(`/patients/${patientId}/sessions/${session.id}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap="xs">
      <Group align="flex-end">
        <Select
          label={t('sessions.startFrom')}
          data={[
            ...active.map((c) => ({
              value: c.id,
              label: t('sessions.startFromCourse', {
                indication: t(`indications.${c.indication}`),
                n: c.progress.nextNumber,
                total: c.plannedSessions,
              }),
            })),
            { value: '', label: t('sessions.noCourse') },
          ]}
          value={courseId ?? ''}
          onChange={(v) => setChoice(v || null)}
          allowDeselect={false}
          w={400}
        />
        <Button
          onClick={() =>
            void navigate(`/patients/${patientId}/check${courseId ? `?course=${courseId}` : ''}`)
          }
        >
          {t('screening.startCheck')}
        </Button>
        <Button
          variant="light"
          onClick={() => (consentNeed ? setPrompting(true) : void start())}
          loading={busy}
        >
          {t('sessions.start')}
        </Button>
      </Group>
      {chosen?.progress.nextDueOn ? (
        <Text size="xs" c="dimmed">
          {t('courses.nextDue', { date: formatDay(chosen.progress.nextDueOn) })}
        </Text>
      ) : null}
      <FormError message={error} />
      {chosen && consentNeed ? (
        <ConsentPrompt
          patientId={patientId}
          course={chosen}
          need={consentNeed}
          opened={prompting}
          onClose={() => setPrompting(false)}
          onStartAnyway={() => {
            setPrompting(false);
            void start();
          }}
        />
      ) : null}
    </Stack>
  );
}
