import { settingSlot } from '../store/settings';
import {
  defaultScreeningSettings,
  screeningSettingsSchema,
  type ScreeningSettings,
} from '../../../shared/screening';

/**
 * The clinic's periods, windows and judgment-call severities for the pre-procedure check. A
 * stored value is read over the defaults, so a setting added later starts at its reference value.
 */
const slot = settingSlot<ScreeningSettings>(
  'screening',
  screeningSettingsSchema,
  defaultScreeningSettings,
  (defaults, value) => {
    const stored = value as Partial<ScreeningSettings>;
    return {
      ...defaults,
      ...stored,
      holdDays: { ...defaults.holdDays, ...stored.holdDays },
      severities: { ...defaults.severities, ...stored.severities },
      // A stored list wins as a whole (a clinic may remove an agent); severities merge key by key.
      substances: {
        ...defaults.substances,
        ...stored.substances,
        severities: { ...defaults.substances.severities, ...stored.substances?.severities },
      },
    };
  },
);

export const readScreeningSettings = slot.read;
export const writeScreeningSettings = slot.write;
