import { Group, Radio } from '@mantine/core';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  yesNoAnswers,
  type HistoryAnswers,
  type YesNoQuestionPath,
} from '../../../../shared/api/history';

/**
 * One yes/no question of the intake with its third answer, "not asked", which is what a question
 * shows until someone answers it: an unticked box could not tell "no" from "never asked".
 */
export function YesNoQuestion({
  control,
  name,
  label,
  size,
}: {
  control: Control<HistoryAnswers>;
  name: YesNoQuestionPath;
  label: string;
  size: 'sm' | 'lg';
}) {
  const { t } = useTranslation();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Radio.Group
          label={label}
          size={size === 'lg' ? 'md' : 'sm'}
          value={field.value}
          onChange={field.onChange}
          name={field.name}
        >
          <Group gap={size === 'lg' ? 'lg' : 'sm'} mt={4} wrap="nowrap">
            {yesNoAnswers.map((answer) => (
              <Radio
                key={answer}
                value={answer}
                onBlur={field.onBlur}
                size={size === 'lg' ? 'md' : 'sm'}
                // The patient on the tablet skips a question; staff did not ask it.
                label={
                  answer === 'not-asked' && size === 'lg'
                    ? t('history.answers.skipped')
                    : t(`history.answers.${answer}`)
                }
              />
            ))}
          </Group>
        </Radio.Group>
      )}
    />
  );
}
