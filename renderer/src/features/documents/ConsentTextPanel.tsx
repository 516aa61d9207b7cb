import {
  Alert,
  Group,
  Paper,
  Radio,
  ScrollArea,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ConsentText } from '../../../../shared/api/documents';
import { formatDay } from '../../lib/dates';

export interface ChoiceAnswer {
  decision: 'agree' | 'disagree' | null;
  initials: string;
}

/**
 * The consent's text in the signing dialog, exactly as it prints (rendered by the main process
 * from the same template and the patient's details), scrollable, with the patient's answer and
 * initials for each separate choice where the form asks it.
 */
export function ConsentTextPanel({
  text,
  answers,
  onAnswer,
  errors,
}: {
  text: ConsentText;
  answers: Record<string, ChoiceAnswer>;
  onAnswer: (sectionId: string, answer: ChoiceAnswer) => void;
  errors: Record<string, string | undefined>;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {text.treatmentDate ? (
        <Text size="sm">
          {t('documents.sign.treatmentDate', { date: formatDay(text.treatmentDate) })}
        </Text>
      ) : null}
      {text.lateIfSignedToday && text.treatmentDate ? (
        <Alert color="orange" title={t('documents.sign.lateTitle')} role="alert">
          {t('documents.sign.lateBody', { date: formatDay(text.treatmentDate) })}
        </Alert>
      ) : null}
      <Paper withBorder p={0}>
        <ScrollArea.Autosize
          mah={340}
          type="always"
          offsetScrollbars
          // A scrollable region must be reachable and scrollable with the keyboard.
          viewportProps={{
            tabIndex: 0,
            role: 'region',
            'aria-label': t('documents.sign.textLabel'),
          }}
        >
          <Stack gap="sm" p="md" component="article" data-testid="consent-text">
            <Title order={3} size="h4">
              {text.title}
            </Title>
            {text.sections.map((section) => (
              <section key={section.id} aria-labelledby={`consent-${section.id}`}>
                <Title order={4} size="h6" id={`consent-${section.id}`}>
                  {section.title}
                </Title>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {section.body}
                </Text>
                {section.choice ? (
                  <ChoiceFields
                    title={section.title}
                    answer={answers[section.id] ?? { decision: null, initials: '' }}
                    onChange={(a) => onAnswer(section.id, a)}
                    error={errors[section.id]}
                  />
                ) : null}
              </section>
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Paper>
    </Stack>
  );
}

function ChoiceFields({
  title,
  answer,
  onChange,
  error,
}: {
  title: string;
  answer: ChoiceAnswer;
  onChange: (answer: ChoiceAnswer) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Group align="flex-start" mt={6} gap="lg">
      <Radio.Group
        label={t('documents.sign.choiceLabel', { title })}
        value={answer.decision}
        onChange={(v) => onChange({ ...answer, decision: v as ChoiceAnswer['decision'] })}
        error={error}
        required
      >
        <Group mt={4}>
          <Radio value="agree" label={t('documents.sign.agree')} />
          <Radio value="disagree" label={t('documents.sign.disagree')} />
        </Group>
      </Radio.Group>
      <TextInput
        label={t('documents.sign.initials', { title })}
        value={answer.initials}
        maxLength={8}
        w={150}
        required
        onChange={(e) => onChange({ ...answer, initials: e.currentTarget.value })}
      />
    </Group>
  );
}
