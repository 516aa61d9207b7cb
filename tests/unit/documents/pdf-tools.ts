import { execFileSync } from 'node:child_process';

/**
 * Poppler wraps right-to-left runs in directional marks (U+202A–U+202E) to say how it read
 * them; they are not printed text, so the comparisons leave them out.
 */
export function withoutDirectionMarks(text: string): string {
  return text.replace(/[\u202A-\u202E]/g, '');
}

/** Poppler and qpdf read our output back, so the tests check the real PDF, not our model of it. */
export function pdfText(file: string): string {
  return withoutDirectionMarks(
    execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
  );
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const info: Record<string, string> = {};
  for (const line of out.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) info[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return info;
}

/** qpdf exits 0 for a clean file, 3 for warnings, 2 for errors; all output is returned. */
export function qpdfCheck(file: string): { status: number; output: string } {
  try {
    const output = execFileSync('qpdf', ['--check', file], { encoding: 'utf8' });
    return { status: 0, output };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { status: e.status ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** pdftotext -layout may break a line between words; compare with whitespace collapsed. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/**
 * Text in content-stream order. Side-by-side columns (the aftercare items and boxes) come out
 * interleaved line by line with -layout; -raw keeps each column's sentences whole.
 */
export function pdfRawText(file: string): string {
  return withoutDirectionMarks(
    execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }),
  );
}
