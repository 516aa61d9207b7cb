import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  photoAreas,
  photoViews,
  type Photo,
  type PhotoArea,
  type PhotoView,
} from '../../../../shared/api/photos';
import { api, unwrap } from '../../lib/api';
import { formatDay, formatLocal } from '../../lib/dates';
import { patientsKeys } from '../patients';
import { sessionsKeys } from '../sessions';

const all = (patientId: string) => [...patientsKeys.patient(patientId), 'photos'] as const;

/** Query keys of photos; `all` covers both listings of a patient's gallery. */
export const photosKeys = {
  all,
  list: (patientId: string, includeArchived: boolean) =>
    [...all(patientId), includeArchived] as const,
  image: (id: string, size: 'thumbnail' | 'preview') => ['photo-image', id, size] as const,
  changes: (id: string) => ['photo-changes', id] as const,
  importJob: (jobId: string | null) => ['photo-job', jobId] as const,
  dateSettings: ['photo-date-settings'] as const,
  alignment: (firstId: string, secondId: string) => ['photo-alignment', firstId, secondId] as const,
};

/** A stored image never changes (its name is its hash), so a loaded one is kept while shown. */
export function usePhotoImage(id: string | null, size: 'thumbnail' | 'preview') {
  return useQuery({
    queryKey: photosKeys.image(id ?? '', size),
    queryFn: async () => (await unwrap(api.photos.image({ id: id ?? '', size }))).dataUrl,
    enabled: id !== null,
    staleTime: Infinity,
    gcTime: size === 'preview' ? 60_000 : 10 * 60_000,
  });
}

/** The patient's sessions as choices, numbered as the gallery numbers them. */
export function useSessionOptions(patientId: string) {
  const { t } = useTranslation();
  const sessions = useQuery({
    queryKey: sessionsKeys.forPhotoTags(patientId),
    queryFn: () => unwrap(api.sessions.list({ patientId })),
  });
  const numbered = (sessions.data ?? [])
    .filter((s) => s.status !== 'abandoned')
    .sort((a, b) => a.performedOn.localeCompare(b.performedOn));
  return [
    { value: '', label: t('photos.fields.noSession') },
    ...numbered.map((s, i) => ({
      value: s.id,
      label: t('photos.sessionLabel', { number: i + 1, date: formatDay(s.performedOn) }),
    })),
  ];
}

/** "2025-03-01T14:05:00" in the clinic's locale, without a time-zone shift. */
export function formatTakenAt(takenAt: string, withTime = false): string {
  const [date = '', time = '00:00:00'] = takenAt.split('T');
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, mi = 0] = time.split(':').map(Number);
  return formatLocal(new Date(y, m - 1, d, h, mi), withTime);
}

export interface PhotoGroup {
  key: string;
  area: PhotoArea;
  view: PhotoView;
  photos: Photo[];
}

/** Groups by area and view in the order of the lists, each along its timeline. */
export function groupPhotos(photos: readonly Photo[]): PhotoGroup[] {
  const groups = new Map<string, PhotoGroup>();
  for (const photo of photos) {
    const key = `${photo.area}|${photo.view}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, area: photo.area, view: photo.view, photos: [] };
      groups.set(key, group);
    }
    group.photos.push(photo);
  }
  const rank = (g: PhotoGroup) =>
    photoAreas.indexOf(g.area) * photoViews.length + photoViews.indexOf(g.view);
  const sorted = [...groups.values()].sort((a, b) => rank(a) - rank(b));
  for (const g of sorted) {
    g.photos.sort((a, b) => a.takenAt.localeCompare(b.takenAt) || a.id.localeCompare(b.id));
  }
  return sorted;
}

/**
 * The comparison a practitioner usually wants: the first "before" photo and the latest photo of
 * the same area and view.
 */
export function defaultPair(photos: readonly Photo[]): [Photo, Photo] | null {
  const byTime = [...photos].sort((a, b) => a.takenAt.localeCompare(b.takenAt));
  for (const first of byTime.filter((p) => p.phase === 'before')) {
    const same = byTime.filter(
      (p) => p.id !== first.id && p.area === first.area && p.view === first.view,
    );
    const latest = same[same.length - 1];
    if (latest) return [first, latest];
  }
  return null;
}

/** Two chosen photos, earlier one first. */
export function orderedPair(a: Photo, b: Photo): [Photo, Photo] {
  return a.takenAt <= b.takenAt ? [a, b] : [b, a];
}
