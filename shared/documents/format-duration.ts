import type { ItemDuration } from './template-schema';

const unitNames: Record<ItemDuration['unit'], [singular: string, plural: string]> = {
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  weeks: ['week', 'weeks'],
};

/** "8–12 hours", "12 hours", "1 week". English, like the default templates. */
export function formatDuration(duration: ItemDuration): string {
  const [singular, plural] = unitNames[duration.unit];
  if (duration.max === null) {
    return `${duration.min} ${duration.min === 1 ? singular : plural}`;
  }
  return `${duration.min}–${duration.max} ${plural}`;
}
