import { Sqlite } from '../store/encryption';

export interface HeadMark {
  seq: number;
  hash: string;
}

/**
 * The audit chain's head in a plain database file (a backup's snapshot, a restored copy). The
 * manifest carries it, so a backup whose database was swapped for an older one, or a chain cut
 * back inside it, no longer matches what was written when the backup was made.
 */
export function readAuditHead(file: string, nativeBinding?: string): HeadMark | null {
  const sqlite = new Sqlite(file, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const row = sqlite.prepare('SELECT seq, hash FROM audit_head WHERE id = 1').get() as
      HeadMark | undefined;
    return row ? { seq: row.seq, hash: row.hash } : null;
  } finally {
    sqlite.close();
  }
}
