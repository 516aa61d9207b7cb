/** Query keys of backups: the settings and last results, and a running backup. */
export const backupKeys = {
  status: ['backup', 'status'] as const,
  job: (jobId: string | null) => ['backup', 'job', jobId] as const,
  restoreJob: (jobId: string | null) => ['backup', 'restore', jobId] as const,
};
