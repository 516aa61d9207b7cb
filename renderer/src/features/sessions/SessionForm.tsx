import {
  Badge,
  Button,
  Group,
  List,
  Modal,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import type { Product } from '../../../../shared/api/products';
import {
  sessionDraftFields,
  sessionProductInput,
  type SessionDraftFields,
  type TreatmentSession,
} from '../../../../shared/api/sessions';
import { type TreatmentArea } from '../../../../shared/sessions/treatment-terms';
import { missingForSigning } from '../../../../shared/sessions/session-completeness';
import { api, unwrap } from '../../lib/api';
import { applyServerError } from '../../lib/forms';
import { catalogueText } from '../../lib/error-text';
import { useKeptThroughLock } from '../../lib/lock-drafts';
import { focusHeadingState, useFocusFirstField } from '../../lib/focus';
import { TREATMENTS_KEY } from '../../lib/query-keys';
import { ProductLines } from './ProductLines';
import { CocktailLines } from './CocktailLines';
import { AreasSection } from './AreasSection';
import { cocktailProductIds } from '../../../../shared/sessions/cocktail';
import { SaveStatus } from './SaveStatus';
import { SessionHeading } from './SessionHeading';
import { TechniqueFields } from './TechniqueFields';
import { useDraftAutosave } from './use-draft-autosave';
import { FormError } from '../../ui/FormError';
import { minOverrideReasonLength } from '../../../../shared/api/screening';
import { safetyGateItems, type GateItem } from '../../lib/safety-gate';
import { ConsentPrompt } from '../documents';
import { findingText } from '../screening';
import { GatePanel } from './GatePanel';
import { AbandonDraftDialog } from './AbandonDraftDialog';
import { SubstanceLines, SubstanceVerdicts } from './SubstanceLines';
import { useSubstanceVerdicts } from './use-substance-verdicts';
import { useSessionConsent } from './use-session-consent';
import { sessionsKeys } from './queries';
import { useFieldMessagesFollowLanguage } from '../../lib/form-language';

function draftOf(s: TreatmentSession): SessionDraftFields {
  return {
    technique: s.technique,
    needleGauge: s.needleGauge,
    needleLengthMm: s.needleLengthMm,
    anaesthesia: s.anaesthesia,
    passes: s.passes,
    points: s.points,
    immediateReactions: s.immediateReactions,
    notes: s.notes,
    areas: s.areas,
    products: s.products.map(({ area, productId, lotId, volumeMl }) => ({
      area,
      productId,
      lotId,
      volumeMl,
    })),
    anaesthetics: s.anaesthetics,
    additions: s.additions,
    cocktails: s.cocktails.map((c) => ({
      label: c.label,
      totalVolumeMl: c.totalVolumeMl,
      areas: c.areas,
      components: c.components.map(({ productId, lotId, volumeMl }) => ({
        productId,
        lotId,
        volumeMl,
      })),
    })),
  };
}

/** The draft note of a session: saved as the practitioner types, signed when complete. */
export function SessionForm({
  session,
  products,
}: {
  session: TreatmentSession;
  products: Product[];
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [signing, setSigning] = useState<string[] | null>(null);
  const [abandoning, setAbandoning] = useState(false);
  const firstField = useFocusFirstField();
  const [formError, setFormError] = useState<string | null>(null);
  const [gate, setGate] = useState<GateItem[] | null>(null);
  const [consenting, setConsenting] = useState(false);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const schema = sessionDraftFields.extend({
    products: z.array(
      sessionProductInput.extend({
        productId: z.string().min(1, t('sessions.chooseProduct')),
        lotId: z.string().min(1, t('sessions.chooseLot')),
      }),
    ),
  });
  const form = useForm<SessionDraftFields>({
    resolver: zodResolver(schema),
    defaultValues: draftOf(session),
    mode: 'onChange',
  });
  useFieldMessagesFollowLanguage(form);
  useKeptThroughLock('session', form);
  const { errors } = form.formState;
  const areaArray = useFieldArray({ control: form.control, name: 'areas' });
  const areas = useWatch({ control: form.control, name: 'areas' });
  const chosen = areas.map((a) => a.area);

  const { state, flush } = useDraftAutosave(
    form,
    async (values) => {
      await unwrap(api.sessions.saveDraft({ id: session.id, ...values }));
    },
    (error) => applyServerError(error, form.setError),
  );

  const verdicts = useSubstanceVerdicts(form, products, session.patientId);
  const consent = useSessionConsent(session, products);
  const overridden = new Set(session.substanceOverrides.map((o) => o.key));
  // Lines that need an override with a reason before the service will sign.
  const blocked = verdicts.filter((v) => v.severity === 'do-not-treat' && !overridden.has(v.key));
  const reasonsComplete = blocked.every(
    (v) => (reasons[v.key] ?? '').trim().length >= minOverrideReasonLength,
  );

  const toggleArea = (area: TreatmentArea) => {
    const at = chosen.indexOf(area);
    if (at >= 0) areaArray.remove(at);
    else areaArray.append({ area, depthMm: areas[0]?.depthMm ?? null });
  };

  const askToSign = async () => {
    setFormError(null);
    if (!(await flush())) {
      setFormError(t('sessions.fixBeforeSigning'));
      return;
    }
    setSigning(missingForSigning(form.getValues()).map((m) => catalogueText(m.text)));
  };

  const sign = async () => {
    setGate(null);
    try {
      await unwrap(
        api.sessions.sign({
          id: session.id,
          allergyOverrides: blocked.map((v) => ({ key: v.key, reason: reasons[v.key] ?? '' })),
        }),
      );
      setSigning(null);
      await client.invalidateQueries({ queryKey: TREATMENTS_KEY });
      // The form gives way to the signed record: its heading takes the focus.
      void navigate(`/patients/${session.patientId}/sessions/${session.id}`, {
        replace: true,
        state: focusHeadingState,
      });
    } catch (error) {
      setSigning(null);
      const items = safetyGateItems(error);
      if (items) setGate(items);
      else setFormError(applyServerError(error, form.setError));
    }
  };

  // Everything typed is saved before leaving for the check; the check brings the user back.
  const toNewCheck = async () => {
    await flush();
    // The cached copy predates what was just typed; coming back must read the saved draft.
    client.removeQueries({ queryKey: sessionsKeys.one(session.id) });
    const course = session.courseId ? `&course=${session.courseId}` : '';
    void navigate(`/patients/${session.patientId}/check?session=${session.id}${course}`);
  };

  const abandon = async (reason: string) => {
    await flush();
    try {
      await unwrap(api.sessions.abandon({ id: session.id, reason }));
      await client.invalidateQueries({ queryKey: TREATMENTS_KEY });
      void navigate(`/patients/${session.patientId}/treatments`);
    } catch (error) {
      setAbandoning(false);
      setFormError(applyServerError(error, form.setError));
    }
  };

  return (
    <form
      ref={firstField}
      noValidate
      aria-label={t('sessions.formLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        void askToSign();
      }}
    >
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <SessionHeading session={session} />
          <SaveStatus state={state} />
        </Group>

        <AreasSection form={form} areaArray={areaArray} onToggle={toggleArea} />

        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="xs">
            {t('sessions.techniqueTitle')}
          </Title>
          <TechniqueFields form={form} />
        </Paper>

        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="xs">
            {t('substances.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('substances.help')}
          </Text>
          <Stack gap="sm">
            <SubstanceVerdicts verdicts={verdicts} source="anaesthesia" overridden={overridden} />
            <SubstanceLines form={form} name="anaesthetics" />
            <SubstanceLines form={form} name="additions" />
            <SubstanceVerdicts verdicts={verdicts} source="addition" overridden={overridden} />
          </Stack>
        </Paper>

        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="xs">
            {t('sessions.productsTitle')}
          </Title>
          <ProductLines form={form} products={products} />
          <SubstanceVerdicts verdicts={verdicts} source="product" overridden={overridden} />
        </Paper>

        <Paper withBorder p="md">
          <Title order={3} size="h4" mb="xs">
            {t('cocktails.title')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('cocktails.help')}
          </Text>
          <CocktailLines form={form} products={products} />
        </Paper>

        <Paper withBorder p="md">
          <Stack gap="sm">
            <Textarea
              label={t('sessions.immediateReactions')}
              description={t('sessions.immediateReactionsHelp')}
              autosize
              minRows={2}
              {...form.register('immediateReactions')}
              error={errors.immediateReactions?.message}
            />
            <Textarea
              label={t('sessions.notes')}
              autosize
              minRows={3}
              {...form.register('notes')}
              error={errors.notes?.message}
            />
          </Stack>
        </Paper>

        <FormError message={formError} />
        {gate ? (
          <GatePanel
            moment="sign"
            items={gate}
            verdicts={verdicts}
            onNewCheck={() => void toNewCheck()}
            onConsent={() => setConsenting(true)}
            onAllergy={() => void askToSign()}
          />
        ) : null}
        <Group justify="space-between">
          <Button variant="subtle" color="red" onClick={() => setAbandoning(true)}>
            {t('sessions.abandon')}
          </Button>
          <Group>
            {session.timing === 'too-early' || session.timing === 'too-late' ? (
              <Badge color="orange" variant="light">
                {t(`sessions.timing.${session.timing}`)}
              </Badge>
            ) : null}
            <Button type="submit">{t('sessions.sign')}</Button>
          </Group>
        </Group>
      </Stack>

      <Modal
        opened={signing !== null}
        onClose={() => setSigning(null)}
        title={signing?.length ? t('sessions.incompleteTitle') : t('sessions.signTitle')}
      >
        {signing?.length ? (
          <Stack>
            <Text>{t('sessions.incompleteBody')}</Text>
            <List size="sm">
              {signing.map((m) => (
                <List.Item key={m}>{m}</List.Item>
              ))}
            </List>
            <Group justify="flex-end">
              <Button onClick={() => setSigning(null)}>{t('sessions.backToNote')}</Button>
            </Group>
          </Stack>
        ) : (
          <Stack>
            {blocked.length > 0 ? (
              <Stack gap="xs" data-testid="allergy-overrides">
                <Text fw={700} c="red.8">
                  {t('substances.overrideTitle')}
                </Text>
                <Text size="sm">{t('substances.overrideHelp')}</Text>
                {blocked.map((v) => (
                  <Textarea
                    key={v.key}
                    label={t('substances.overrideLabel', { name: v.name })}
                    description={v.findings[0] ? findingText(v.findings[0]) : undefined}
                    value={reasons[v.key] ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      setReasons((r) => ({ ...r, [v.key]: value }));
                    }}
                    error={
                      (reasons[v.key] ?? '').trim().length < minOverrideReasonLength
                        ? t('substances.overrideShort', { min: minOverrideReasonLength })
                        : undefined
                    }
                    autosize
                    minRows={2}
                    maxLength={2000}
                  />
                ))}
              </Stack>
            ) : null}
            <Text>{t('sessions.signBody')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setSigning(null)}>
                {t('common.cancel')}
              </Button>
              <Button disabled={!reasonsComplete} onClick={() => void sign()}>
                {t('sessions.signConfirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <ConsentPrompt
        patientId={session.patientId}
        course={consent.course}
        productIds={[
          ...new Set([
            ...session.products.map((p) => p.productId),
            ...cocktailProductIds(session.cocktails),
          ]),
        ]}
        need={consent.need}
        opened={consenting}
        onClose={() => setConsenting(false)}
        onConsented={() => {
          setGate(null);
          void askToSign();
        }}
      />
      <AbandonDraftDialog
        opened={abandoning}
        onClose={() => setAbandoning(false)}
        onAbandon={abandon}
      />
    </form>
  );
}
