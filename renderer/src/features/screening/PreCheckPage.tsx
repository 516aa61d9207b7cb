import { personName } from '../../../../shared/patients/person-name';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Grid,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { zodResolver } from '@hookform/resolvers/zod';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { StaffUser } from '../../../../shared/api/staff';
import type { Course } from '../../../../shared/api/courses';
import type { TreatmentSession } from '../../../../shared/api/sessions';
import type { ScreeningPrefill } from '../../../../shared/api/screening';
import { minOverrideReasonLength } from '../../../../shared/api/screening';
import type { Product } from '../../../../shared/api/products';
import type { ScreeningSettings } from '../../../../shared/screening';
import { ApiFailure, api, unwrap } from '../../lib/api';
import { TREATMENTS_KEY } from '../../lib/query-keys';
import { useKeptThroughLock } from '../../lib/lock-drafts';
import { gateItemWords, safetyGateItems } from '../../lib/safety-gate';
import { ConsentPrompt, useConsentNeed, type ConsentNeed } from '../documents';
import { checkFormSchema, unansweredDay, type CheckFormValues } from './check-form';
import { DayOfQuestions } from './DayOfQuestions';
import { FindingsPanel } from './FindingsPanel';
import { HistorySummary } from './HistorySummary';
import { PlanFields } from './PlanFields';
import { screeningKeys } from './queries';
import { FormError } from '../../ui/FormError';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';
import { errorText } from '../../lib/error-text';

type Decision = 'treat' | 'stop';

// Without a course the service asks for the general consent; the form lets the user change it.
const singleSessionNeed: ConsentNeed = { procedureKind: 'skin-rejuvenation', state: 'none' };

/** The plan of a session sent back for a new check: its products and areas. */
function planOf(session: TreatmentSession): Pick<CheckFormValues, 'productIds' | 'areas'> {
  return {
    productIds: [...new Set(session.products.map((p) => p.productId).filter((id) => id !== ''))],
    areas: session.areas.map((a) => a.area),
  };
}

/** A refusal's field messages in the screens' language, worded as the page renders. */
function fieldsOf(error: unknown): Record<string, string> {
  return error instanceof ApiFailure ? error.fieldMessages() : {};
}

/**
 * The pre-procedure check before a session: the history as read, the day's questions, the plan,
 * and the findings, re-run as anything changes. Completing it starts the session, or, when a
 * session's gate sent the practitioner here, returns to that session's draft.
 */
function CheckForm({
  user,
  patientId,
  prefill,
  products,
  settings,
  course,
  session,
}: {
  user: StaffUser;
  patientId: string;
  prefill: ScreeningPrefill;
  products: Product[];
  settings: ScreeningSettings;
  course: Course | null;
  /** The draft this check is for, when its gate asked for a new check. */
  session: TreatmentSession | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useQueryClient();
  const form = useForm<CheckFormValues>({
    resolver: zodResolver(checkFormSchema),
    defaultValues: {
      dayOf: unansweredDay(),
      ...(session
        ? planOf(session)
        : {
            productIds: course ? [...course.protocol.productIds] : [],
            areas: course ? [...course.areas] : [],
          }),
    },
  });
  useFieldMessagesFollowLanguage(form);
  useKeptThroughLock('check', form);
  const values = useWatch({ control: form.control }) as CheckFormValues;
  const [debounced] = useDebouncedValue(JSON.stringify(values), 350);
  const preview = useQuery({
    queryKey: screeningKeys.preview(patientId, debounced),
    queryFn: () =>
      unwrap(api.screening.preview({ patientId, ...(JSON.parse(debounced) as CheckFormValues) })),
    placeholderData: keepPreviousData,
    retry: false,
  });
  const [acknowledged, setAcknowledged] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  // The refusal itself is kept, not its words, so its messages follow the screens' language.
  const [completeErrors, setCompleteErrors] = useState<{ for: string; error: unknown }>({
    for: '',
    error: null,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Decision | null>(null);
  const isPractitioner = user.role === 'practitioner';
  const consentNeed = useConsentNeed(patientId, course);
  // The check is stored; the session waits for the consent and starts once it is signed.
  const [awaitingConsent, setAwaitingConsent] = useState<string[] | null>(null);
  // The answers of the check just recorded: completing again with the same answers (after a
  // refused start) starts from that check instead of recording a second one.
  const [completedFor, setCompletedFor] = useState<string | null>(null);

  const startSession = async (productIds: string[]) => {
    try {
      const started = await unwrap(
        api.sessions.start({
          patientId,
          courseId: course?.id ?? null,
          plannedProductIds: course ? [] : productIds,
        }),
      );
      await client.invalidateQueries({ queryKey: TREATMENTS_KEY });
      void navigate(`/patients/${patientId}/sessions/${started.id}`);
    } catch (error) {
      const items = safetyGateItems(error);
      if (items?.some((i) => i.kind === 'consent')) {
        setAwaitingConsent(productIds);
        setFormError(items.map(gateItemWords).join(' '));
        return;
      }
      setFormError(error instanceof Error ? error.message : String(error));
    }
  };

  // A refusal belongs to the answers it was given for; a changed answer or plan clears it.
  const current = JSON.stringify(values);
  const errors = {
    ...fieldsOf(preview.error),
    ...(completeErrors.for === current ? fieldsOf(completeErrors.error) : {}),
  };
  const productNames = useMemo(
    () => Object.fromEntries(products.map((p) => [p.id, p.name])),
    [products],
  );
  const result = preview.data;
  const outcome = result?.outcome;

  const complete = (decision: Decision) =>
    form.handleSubmit(
      async (v) => {
        setFormError(null);
        setBusy(decision);
        try {
          if (decision === 'treat' && completedFor === current) {
            await startSession(v.productIds);
            return;
          }
          const record = await unwrap(
            api.screening.complete({
              patientId,
              ...v,
              decision,
              acknowledged: [...acknowledged],
              overrideReason: reason.trim() === '' ? null : reason,
            }),
          );
          await client.invalidateQueries({ queryKey: screeningKeys.lists(patientId) });
          if (record.status === 'stopped') {
            notifications.show({ message: t('screening.complete.stopped'), color: 'gray' });
            void navigate(`/patients/${patientId}`);
            return;
          }
          setCompletedFor(current);
          if (session) {
            // Back to the draft the gate sent us from; everything typed there was saved.
            await client.invalidateQueries({ queryKey: TREATMENTS_KEY });
            void navigate(`/patients/${patientId}/sessions/${session.id}`);
            return;
          }
          await startSession(v.productIds);
        } catch (error) {
          setCompleteErrors({ for: current, error });
          setFormError(error instanceof Error ? error.message : String(error));
        } finally {
          setBusy(null);
        }
      },
      () => setFormError(t('screening.complete.fixAnswers')),
    )();

  return (
    <Stack gap="md">
      <ConsentPrompt
        patientId={patientId}
        course={course}
        productIds={awaitingConsent ?? []}
        need={consentNeed ?? singleSessionNeed}
        opened={awaitingConsent !== null}
        onClose={() => setAwaitingConsent(null)}
        onConsented={() => {
          const productIds = awaitingConsent ?? [];
          setAwaitingConsent(null);
          setFormError(null);
          void startSession(productIds);
        }}
      />
      <HistorySummary prefill={prefill} />
      <Grid gutter="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <form noValidate onSubmit={(e) => e.preventDefault()} aria-label={t('screening.title')}>
            <Stack gap="md">
              <PlanFields
                control={form.control}
                products={products}
                productIds={values.productIds}
                productOutcomes={result?.productOutcomes ?? {}}
                errors={errors}
              />
              <DayOfQuestions
                control={form.control}
                historyMedicines={prefill.facts?.medicines ?? []}
                dayOf={values.dayOf}
                errors={errors}
                today={prefill.today}
                alcoholHours={settings.alcoholHoursBefore}
              />
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }} style={{ position: 'sticky', top: 72 }}>
          <Stack gap="md">
            {preview.isError ? (
              <Alert color="red" role="alert">
                {/* Worded as it renders, so it follows a change of language. */}
                {preview.error instanceof ApiFailure
                  ? errorText(preview.error.error)
                  : preview.error.message}
              </Alert>
            ) : null}
            {result ? (
              <FindingsPanel
                preview={result}
                running={preview.isFetching}
                productNames={productNames}
                acknowledged={acknowledged}
                readOnly={!isPractitioner}
                onAcknowledge={(key, checked) =>
                  setAcknowledged((prev) => {
                    const next = new Set(prev);
                    if (checked) next.add(key);
                    else next.delete(key);
                    return next;
                  })
                }
              />
            ) : (
              <Center h={80}>
                <Loader aria-label={t('screening.findings.running')} />
              </Center>
            )}
            <Paper withBorder p="md">
              <Stack gap="sm">
                {errors.acknowledged ? (
                  <Text c="red" size="sm" role="alert">
                    {errors.acknowledged}
                  </Text>
                ) : null}
                {outcome === 'do-not-treat' && isPractitioner ? (
                  <Textarea
                    label={t('screening.complete.overrideLabel')}
                    description={t('screening.complete.overrideHelp', {
                      min: minOverrideReasonLength,
                    })}
                    value={reason}
                    onChange={(e) => setReason(e.currentTarget.value)}
                    error={errors.overrideReason}
                    autosize
                    minRows={2}
                    maxLength={2000}
                  />
                ) : null}
                {!isPractitioner ? (
                  <Alert color="gray">{t('screening.complete.practitionerOnly')}</Alert>
                ) : null}
                <FormError message={formError} />
                {isPractitioner ? (
                  <Group>
                    <Button
                      color={outcome === 'do-not-treat' ? 'red' : undefined}
                      loading={busy === 'treat'}
                      disabled={!result || preview.isError || busy !== null}
                      onClick={() => void complete('treat')}
                    >
                      {session
                        ? outcome === 'do-not-treat'
                          ? t('screening.complete.overrideAndReturn')
                          : t('screening.complete.return')
                        : outcome === 'do-not-treat'
                          ? t('screening.complete.overrideAndStart')
                          : t('screening.complete.start')}
                    </Button>
                    <Button
                      variant="default"
                      loading={busy === 'stop'}
                      disabled={!result || preview.isError || busy !== null}
                      onClick={() => void complete('stop')}
                    >
                      {t('screening.complete.stop')}
                    </Button>
                  </Group>
                ) : null}
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Route: /patients/:patientId/check?course=<id>&session=<id> */
export function PreCheckPage({ user }: { user: StaffUser }) {
  const { t } = useTranslation();
  const { patientId = '' } = useParams();
  const [params] = useSearchParams();
  const courseId = params.get('course');
  const sessionId = params.get('session');
  const session = useQuery({
    queryKey: screeningKeys.forSession(sessionId ?? ''),
    queryFn: () => unwrap(api.sessions.get({ id: sessionId ?? '' })),
    enabled: sessionId !== null,
    gcTime: 0,
  });
  const chart = useQuery({
    queryKey: screeningKeys.patient(patientId),
    queryFn: () => unwrap(api.patients.get({ id: patientId })),
  });
  const prefill = useQuery({
    queryKey: screeningKeys.prefill(patientId),
    queryFn: () => unwrap(api.screening.prefill({ patientId })),
    gcTime: 0,
  });
  const products = useQuery({
    queryKey: screeningKeys.products,
    queryFn: () => unwrap(api.products.list({ includeInactive: false })),
  });
  const settings = useQuery({
    queryKey: screeningKeys.settings,
    queryFn: () => unwrap(api.screening.settings({})),
  });
  const courses = useQuery({
    queryKey: screeningKeys.courses(patientId),
    queryFn: () => unwrap(api.courses.list({ patientId })),
    enabled: courseId !== null,
  });
  const failed =
    chart.error ??
    prefill.error ??
    products.error ??
    settings.error ??
    courses.error ??
    session.error;
  const patient = chart.data?.patient;
  const ready =
    prefill.data &&
    products.data &&
    settings.data &&
    (courseId === null || courses.data) &&
    (sessionId === null || session.data);
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/patients/${patientId}`} size="sm">
        {t('screening.backToChart')}
      </Anchor>
      <Title order={2}>
        {patient ? t('screening.titleFor', { name: personName(patient) }) : t('screening.title')}
      </Title>
      {failed ? (
        <Alert color="red" role="alert">
          {failed.message}
        </Alert>
      ) : null}
      {ready ? (
        <CheckForm
          user={user}
          patientId={patientId}
          prefill={prefill.data}
          products={products.data}
          settings={settings.data}
          course={courses.data?.find((c) => c.id === courseId) ?? null}
          session={session.data ?? null}
        />
      ) : failed ? null : (
        <Center h={200}>
          <Loader aria-label={t('common.loading')} />
        </Center>
      )}
    </Stack>
  );
}
