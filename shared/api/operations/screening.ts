import { z } from 'zod';
import { op } from '../operation';
import { emptyInput } from '../common';
import { screeningSettingsSchema } from '../../clinical/screening-settings';
import {
  screeningCompleteInput,
  screeningListInput,
  screeningPatientInput,
  screeningPrefillOutput,
  screeningPreviewInput,
  screeningPreviewOutput,
  screeningRecordSchema,
  screeningSettingsUpdateInput,
} from '../domains/screening';

const admin = ['admin'] as const;
/** Only practitioners treat, so only they complete a check; the gate asks for one of theirs. */
const practitioner = ['practitioner'] as const;
/** Running the rules reads the history; admins may look at what the rules say too. */
const checkers = ['practitioner', 'admin'] as const;
/** Every chart reader sees that a check was done and what it found. */
const clinical = ['receptionist', 'practitioner', 'admin'] as const;

export const screeningOperations = {
  // Periods and thresholds hold no patient data: anyone signed in may read them.
  'screening.settings': op({
    input: emptyInput,
    output: screeningSettingsSchema,
    access: 'signed-in',
    audit: null,
  }),
  'screening.updateSettings': op({
    input: screeningSettingsUpdateInput,
    output: screeningSettingsSchema,
    access: admin,
    audit: { action: 'update', objectType: 'screening-settings' },
  }),
  'screening.prefill': op({
    input: screeningPatientInput,
    output: screeningPrefillOutput,
    access: checkers,
    audit: { action: 'read', objectType: 'medical-history' },
  }),
  // Runs the rules on the latest history without saving: it reads clinical data, so it is audited.
  'screening.preview': op({
    input: screeningPreviewInput,
    output: screeningPreviewOutput,
    access: checkers,
    audit: { action: 'execute', objectType: 'screening-preview' },
  }),
  'screening.complete': op({
    input: screeningCompleteInput,
    output: screeningRecordSchema,
    access: practitioner,
    audit: { action: 'create', objectType: 'screening' },
  }),
  'screening.list': op({
    input: screeningListInput,
    output: z.array(screeningRecordSchema),
    access: clinical,
    audit: { action: 'read', objectType: 'screening' },
  }),
} as const;
