import { settingSlot } from '../store/settings';
import { documentSettingsSchema, type DocumentSettings } from '../../../shared/api/documents';

const slot = settingSlot<DocumentSettings>('documents', documentSettingsSchema, { pageSize: 'A4' });

export const readDocumentSettings = slot.read;
export const writeDocumentSettings = slot.write;
