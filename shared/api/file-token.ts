import { z } from 'zod';
import { keyed } from './field-text';
import { fieldLabelKey, type FieldLabel } from './field-labels';

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
  /** The folder a patient's whole record is exported into (a new folder is made inside it). */
  'export-folder',
  /** A clinic's data folder brought onto a new computer with its recovery key (read only). */
  'clinic-folder',
] as const;
export type FileTokenKind = (typeof fileTokenKinds)[number];

/**
 * The file name ending a token's path must have, for the kinds that stand for one file: the
 * main process's save dialog adds it when the user leaves it out, and a path without it is never
 * registered, so a PDF copy cannot be written over a `.bashrc` or a spreadsheet.
 */
export const fileTokenExtensions: Partial<Record<FileTokenKind, readonly string[]>> = {
  'save-pdf': ['.pdf'],
  'save-png': ['.png'],
  'backup-file': ['.mcbak'],
  // Photos are not held to a name: the import reads each file's content and refuses, file by
  // file, what is not an image it can store.
};

/** Kinds that stand for a file the main process writes (a save dialog), not one it reads. */
export const saveTokenKinds: readonly FileTokenKind[] = ['save-pdf', 'save-png'];

/** 32 random bytes, base64url: nothing a path (`/etc/x.pdf`, `../../x`, `C:\x`) can look like. */
export const FILE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function fileTokenSchema(what: FieldLabel) {
  const named = { label: fieldLabelKey(what) };
  return z
    .string()
    .min(1, keyed('validation.files.choose', 'Choose {{label}}', named))
    .regex(
      FILE_TOKEN_PATTERN,
      keyed(
        'validation.files.withButton',
        'Choose {{label}} with the button; a typed path is not accepted',
        named,
      ),
    );
}

/** What a dialog gives the renderer: the token to hand back, and a label to show the user. */
export interface PickedFile {
  token: string;
  /** The chosen path or file names, for the screen only. */
  label: string;
  /** How many files the token stands for (a photo selection). */
  count: number;
}
