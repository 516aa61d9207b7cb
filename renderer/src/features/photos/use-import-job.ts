import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { PhotoJob } from '../../../../shared/api/photos';
import { api, unwrap } from '../../lib/api';
import { photosKeys } from './queries';

/**
 * Follows an import running in the main process: polls its progress while it runs and refreshes
 * the gallery as photos arrive, so they appear one by one.
 */
export function useImportJob(patientId: string) {
  const client = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const [first, setFirst] = useState<PhotoJob | null>(null);
  const status = useQuery({
    queryKey: photosKeys.importJob(jobId),
    queryFn: () => unwrap(api.photos.importStatus({ jobId: jobId ?? '' })),
    enabled: jobId !== null,
    refetchInterval: (q) =>
      q.state.data?.status === 'finished' ||
      q.state.data?.status === 'cancelled' ||
      q.state.data?.status === 'failed'
        ? false
        : 200,
    gcTime: 0,
  });
  const job = status.data ?? first;
  const seen = useRef(0);
  const count = job?.imported.length ?? 0;
  const running = job?.status === 'running';
  useEffect(() => {
    if (count !== seen.current || !running) {
      seen.current = count;
      void client.invalidateQueries({ queryKey: photosKeys.all(patientId) });
    }
  }, [count, running, client, patientId]);

  return {
    job,
    running,
    follow: (started: PhotoJob) => {
      seen.current = 0;
      setFirst(started);
      setJobId(started.id);
    },
    cancel: async () => {
      if (jobId) await api.photos.cancelImport({ jobId });
    },
    dismiss: () => {
      setJobId(null);
      setFirst(null);
    },
  };
}
