import { randomBytes } from 'node:crypto';
import path from 'node:path';
import {
  fileTokenExtensions,
  FILE_TOKEN_PATTERN,
  type FileTokenKind,
  type PickedFile,
} from '../../../shared/api/file-token';
import { AppError, type Refusal } from './errors';

interface Entry {
  kind: FileTokenKind;
  paths: string[];
  expiresAt: number;
}

/** Long enough to fill in a form after choosing the file; short enough that a token goes stale. */
export const FILE_TOKEN_TTL_MS = 15 * 60_000;
/** A runaway renderer cannot grow the registry without bound. */
const MAX_ENTRIES = 200;

/**
 * A save dialog's path with the kind's file name ending, added where the user typed none (the
 * dialog's filter does not add it on every system).
 */
export function withSaveExtension(kind: FileTokenKind, chosen: string): string {
  const extension = fileTokenExtensions[kind]?.[0];
  if (!extension || path.extname(chosen).toLowerCase() === extension) return chosen;
  return `${chosen}${extension}`;
}

/**
 * Paths the user chose in the main process's own dialogs, each behind a one-time token. Only the
 * main process registers (electron/main's dialog handlers; the test harness in their place); an
 * operation takes the token back for its own kind. A token is gone once taken, whatever the
 * outcome, and after its time runs out. No Electron import: the services are tested in Node.
 */
export class FileTokens {
  private entries = new Map<string, Entry>();

  constructor(private readonly clock: () => Date = () => new Date()) {}

  /** Registers absolute paths chosen by the user; returns the token the renderer may hand back. */
  register(kind: FileTokenKind, paths: readonly string[]): string {
    if (paths.length === 0) throw new Error('A file token stands for at least one path');
    const extensions = fileTokenExtensions[kind];
    for (const p of paths) {
      if (!path.isAbsolute(p) || p.includes('\0')) throw new Error('Not an absolute path');
      if (extensions && !extensions.includes(path.extname(p).toLowerCase())) {
        throw new Error(`A ${kind} file must end in ${extensions.join(' or ')}`);
      }
    }
    this.sweep();
    if (this.entries.size >= MAX_ENTRIES) {
      // The oldest token goes first (a Map keeps insertion order).
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    const token = randomBytes(32).toString('base64url');
    this.entries.set(token, {
      kind,
      paths: [...paths],
      expiresAt: this.clock().getTime() + FILE_TOKEN_TTL_MS,
    });
    return token;
  }

  /**
   * What a dialog answers the renderer: the token, and the chosen path (or the file names of a
   * selection) to show. Used by the main process's dialogs and, in their place, the test harness.
   */
  pick(kind: FileTokenKind, paths: readonly string[]): PickedFile {
    const token = this.register(kind, paths);
    const label = paths.length === 1 ? paths[0]! : paths.map((p) => path.basename(p)).join(', ');
    return { token, label, count: paths.length };
  }

  /**
   * The paths behind a token of this kind, and the token is spent. Refused (as a field error on
   * `field`) when unknown, already used, expired or of another kind; a token shown for the wrong
   * kind is spent too, so a guess cannot be retried.
   */
  take(kind: FileTokenKind, token: string, field: string): string[] {
    const entry = FILE_TOKEN_PATTERN.test(token) ? this.entries.get(token) : undefined;
    this.entries.delete(token);
    const refuse = (text: Refusal) =>
      new AppError('VALIDATION', text, { fields: { [field]: text } });
    if (!entry || entry.expiresAt <= this.clock().getTime()) {
      throw refuse({ key: 'errors.files.choiceExpired' });
    }
    if (entry.kind !== kind) throw refuse({ key: 'errors.files.choiceOtherKind' });
    return entry.paths;
  }

  /** The one path of a single-file token. */
  takeOne(kind: FileTokenKind, token: string, field: string): string {
    const [first] = this.take(kind, token, field);
    return first!;
  }

  private sweep(): void {
    const now = this.clock().getTime();
    for (const [token, entry] of this.entries) {
      if (entry.expiresAt <= now) this.entries.delete(token);
    }
  }
}
