import i18n from 'i18next';
import type { ErrorText } from '../../../shared/api/result';
import { ApiFailure } from './api';

/**
 * What a refused start or sign lacks, each with the service's own sentence for it (English, the
 * reference) and that sentence's catalogue key and values, to show in the screens' language.
 */
export type GateItem =
  | { kind: 'check' | 'historyVersion' | 'coverage' | 'consent'; message: string; text?: ErrorText }
  | { kind: 'allergy'; index: number; message: string; text?: ErrorText };

const single = ['check', 'historyVersion', 'coverage', 'consent'] as const;

/**
 * The items of a SAFETY_GATE refusal (sessions.start, sessions.sign), in the order a
 * practitioner deals with them; null for any other error. The service holds the gate: the
 * screen only explains each item and routes to what fixes it.
 */
export function safetyGateItems(error: unknown): GateItem[] | null {
  if (!(error instanceof ApiFailure)) return null;
  const code: string = error.error.code;
  if (code !== 'SAFETY_GATE') return null;
  const fields = error.error.fields ?? {};
  const texts = error.error.fieldKeys ?? {};
  const withText = (field: string) => (texts[field] ? { text: texts[field] } : {});
  const items: GateItem[] = [];
  for (const kind of single) {
    const message = fields[`gate.${kind}`];
    if (message !== undefined) items.push({ kind, message, ...withText(`gate.${kind}`) });
  }
  for (const [key, message] of Object.entries(fields)) {
    const match = /^gate\.allergy\.(\d+)$/.exec(key);
    if (match) items.push({ kind: 'allergy', index: Number(match[1]), message, ...withText(key) });
  }
  // A refusal with no item we know still says why, as one check-shaped item.
  if (items.length === 0) items.push({ kind: 'check', message: error.error.message });
  return items;
}

/** True when a new pre-procedure check is what fixes the item. */
export const needsNewCheck = (item: GateItem) =>
  item.kind === 'check' || item.kind === 'historyVersion' || item.kind === 'coverage';

/** An item in the screens' language: the catalogue's wording of its sentence, else the English. */
export function gateItemWords(item: GateItem): string {
  const { text } = item;
  return text && i18n.exists(text.key) ? i18n.t(text.key, text.params ?? {}) : item.message;
}
