import { Alert, Button, Group, List, Text } from '@mantine/core';
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import { gateItemWords, needsNewCheck, type GateItem } from '../../lib/safety-gate';
import { findingText } from '../screening';
import type { SubstanceVerdict } from './use-substance-verdicts';

/**
 * An item in the screens' language: the catalogue's text the service named for it, with its
 * values. An allergy item's finding is worded from the screen's own verdict for that line (the
 * same shared rule over the same draft) when the catalogue's English of it is exactly the
 * service's sentence; otherwise the service's English, so what is shown never differs from what
 * was refused.
 */
function gateItemText(item: GateItem, verdicts: readonly SubstanceVerdict[] | undefined) {
  if (item.kind !== 'allergy') {
    // The catalogue's wording of the service's sentence, with its values; else the English.
    return gateItemWords(item);
  }
  const verdict = verdicts?.find((v) => v.index === item.index);
  const finding = verdict?.findings[0];
  if (!verdict || !finding || verdict.severity !== 'do-not-treat') return item.message;
  const english = i18n.getFixedT('en')('gateReasons.allergy', {
    name: verdict.name,
    finding: finding.explanation,
  });
  if (english !== item.message) return item.message;
  return i18n.t('gateReasons.allergy', { name: verdict.name, finding: findingText(finding) });
}

/**
 * Why the service refused to start or sign, one line per missing item with the one action that
 * fixes it: a new check, the consent, or an override of an allergy match.
 */
export function GatePanel({
  moment,
  items,
  verdicts,
  onNewCheck,
  onConsent,
  onAllergy,
}: {
  moment: 'start' | 'sign';
  items: GateItem[];
  /** The screen's allergy verdicts, to word an allergy item in the screens' language. */
  verdicts?: readonly SubstanceVerdict[];
  onNewCheck: () => void;
  onConsent: () => void;
  onAllergy?: (index: number) => void;
}) {
  const { t } = useTranslation();
  // One "new check" button however many check items there are: one check fixes them all.
  const firstCheck = items.findIndex(needsNewCheck);
  return (
    <Alert
      color="red"
      role="alert"
      title={t(`gate.title.${moment}`)}
      data-testid="safety-gate"
      aria-label={t(`gate.title.${moment}`)}
    >
      <List spacing={6} size="sm">
        {items.map((item, i) => (
          <List.Item key={`${item.kind}-${i}`} data-testid={`gate-${item.kind}`}>
            <Group gap="xs" wrap="nowrap" justify="space-between">
              <Text size="sm">
                <Text span fw={700}>
                  {t(`gate.kinds.${item.kind}`)}
                </Text>{' '}
                {gateItemText(item, verdicts)}
              </Text>
              {i === firstCheck ? (
                <Button size="xs" onClick={onNewCheck} style={{ flexShrink: 0 }}>
                  {t('gate.newCheck')}
                </Button>
              ) : null}
              {item.kind === 'consent' ? (
                <Button size="xs" onClick={onConsent} style={{ flexShrink: 0 }}>
                  {t('gate.consent')}
                </Button>
              ) : null}
              {item.kind === 'allergy' && onAllergy ? (
                <Button
                  size="xs"
                  color="red"
                  onClick={() => onAllergy(item.index)}
                  style={{ flexShrink: 0 }}
                >
                  {t('gate.override')}
                </Button>
              ) : null}
            </Group>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
