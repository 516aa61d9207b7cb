import { z } from 'zod';

/**
 * What a one-time file token stands for. The main process's own system dialog (or a file dropped
 * onto the window) registers the chosen path under a kind and hands the renderer only the token;
 * an operation accepts a token of its own kind, once, for a few minutes. No operation accepts a
 * path: the renderer can never name a file to read or write.
 */
export const fileTokenKinds = [
  /** Photos to import (one token for the whole selection). */
  'photos',
  /** Where a PDF copy is saved (a document's copy, the audit report). */
  'save-pdf',
  /** Where a comparison image is saved. */
  'save-png',
  /** The folder scheduled backups are written to. */
  'backup-folder',
  /** A backup file to restore. */
  'backup-file',
  /** The empty folder a backup is restored into. */
  'restore-folder',
] as const;
export type FileTokenKind = (typeof fileTokenKinds)[number];

/** 32 random bytes, base64url: nothing a path (`/etc/x.pdf`, `../../x`, `C:\x`) can look like. */
export const FILE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function fileTokenSchema(what: string) {
  return z
    .string()
    .min(1, `Choose ${what}`)
    .regex(FILE_TOKEN_PATTERN, `Choose ${what} with the button; a typed path is not accepted`);
}

/** What a dialog gives the renderer: the token to hand back, and a label to show the user. */
export interface PickedFile {
  token: string;
  /** The chosen path or file names, for the screen only. */
  label: string;
  /** How many files the token stands for (a photo selection). */
  count: number;
}
