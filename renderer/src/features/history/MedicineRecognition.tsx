import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { medicineLabel } from '../screening';

/**
 * What the drug reference recognises in a medicine line as it is typed ("apixaban — anticoagulant"),
 * or "Not recognised". The line itself is always stored exactly as typed.
 */
export function MedicineRecognition({ text }: { text: string }) {
  const { t } = useTranslation();
  const label = medicineLabel(text, t);
  if (!label) return null;
  return (
    <Badge color={label.colour} variant="light" tt="none" aria-live="polite">
      {label.text}
    </Badge>
  );
}
