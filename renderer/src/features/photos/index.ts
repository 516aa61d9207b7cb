export { PhotosTab } from './PhotosTab';
export { PhotoDateSettingsForm } from './PhotoDateSettingsForm';
