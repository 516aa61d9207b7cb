import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Course } from '../../../../shared/api/courses';
import { api, unwrap } from '../../lib/api';
import { formatDay } from '../../lib/dates';
import { TREATMENTS_KEY } from '../../lib/query-keys';
import { safetyGateItems, type GateItem } from '../../lib/safety-gate';
import { ConsentPrompt, useConsentNeed, type ConsentNeed } from '../documents';
import { FormError } from '../../ui/FormError';
import { GatePanel } from './GatePanel';

// Without a course the service asks for the general consent; the form lets the user change it.
const singleSessionNeed: ConsentNeed = { procedureKind: 'skin-rejuvenation', state: 'none' };

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
  const [gate, setGate] = useState<GateItem[] | null>(null);
  const toCheck = () =>
    void navigate(`/patients/${patientId}/check${courseId ? `?course=${courseId}` : ''}`);
  const start = async () => {
    setError(null);
    setGate(null);
    setBusy(true);
    try {
      const session = await unwrap(
        api.sessions.start({ patientId, courseId: courseId ?? null, plannedProductIds: [] }),
      );
      await client.invalidateQueries({ queryKey: TREATMENTS_KEY });
      void navigate(`/patients/${patientId}/sessions/${session.id}`);
    } catch (e) {
      const items = safetyGateItems(e);
      if (items) setGate(items);
      else setError(e instanceof Error ? e.message : String(e));
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
        <Button onClick={toCheck}>{t('screening.startCheck')}</Button>
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
      {gate ? (
        <GatePanel
          moment="start"
          items={gate}
          onNewCheck={toCheck}
          onConsent={() => setPrompting(true)}
        />
      ) : null}
      <ConsentPrompt
        patientId={patientId}
        course={chosen ?? null}
        need={consentNeed ?? singleSessionNeed}
        opened={prompting}
        onClose={() => setPrompting(false)}
        onConsented={() => void start()}
      />
    </Stack>
  );
}
