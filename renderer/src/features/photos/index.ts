export { PhotosTab } from './PhotosTab';
