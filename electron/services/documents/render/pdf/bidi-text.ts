import bidiFactory from 'bidi-js';

/**
 * Right-to-left text on paper. pdfkit lays text out word by word, left to right, in the order
 * the characters are stored: an Arabic name came out with its words swapped and the space gone.
 * Reordering the characters ourselves before pdfkit sees them would break the joining of Arabic
 * letters, which is decided on the stored order. So: resolve the Unicode bidirectional embedding
 * levels of each line (bidi-js), cut the line into pieces of one direction (a right-to-left
 * piece is one word, so pdfkit's word-by-word layout can't swap anything), hand each piece to
 * pdfkit in stored order for fontkit to shape (it draws a right-to-left word's glyphs right to
 * left itself), and place the pieces in visual order. Numbers, lot numbers, product names and
 * e-mail addresses inside Arabic text resolve to left-to-right levels and keep their order.
 */
const bidi = bidiFactory();

/** Hebrew, Arabic, Syriac, Thaana, NKo and their presentation forms: the scripts written right to left. */
const rightToLeft = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

/**
 * Directional marks, embeddings and isolates: they steer the ordering (a phone number kept whole
 * inside Arabic is wrapped in an isolate) but are not drawn.
 */
const bidiControls = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const allBidiControls = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function hasRightToLeft(text: string): boolean {
  return rightToLeft.test(text);
}

export type BaseDirection = 'ltr' | 'rtl' | 'auto';

/** A piece of a line: drawn with one call, in the line's visual order. */
export interface Piece {
  /** The characters in stored (logical) order, mirrored where a right-to-left bracket needs it. */
  text: string;
  /** The characters exactly as stored, for text extraction. */
  logical: string;
  /** Where the piece starts in the stored line. */
  start: number;
  rtl: boolean;
  /** A space between words: it only moves the pen. */
  space: boolean;
}

export interface VisualLine {
  pieces: Piece[];
  /** The paragraph reads right to left, so it starts at the right edge. */
  rtl: boolean;
}

/** One line (no line breaks inside) in the order its pieces are drawn, left to right. */
export function visualLine(line: string, base: BaseDirection): VisualLine {
  const levels = bidi.getEmbeddingLevels(line, base);
  const order = Array.from({ length: line.length }, (_, i) => i);
  for (const [start = 0, end = -1] of bidi.getReorderSegments(line, levels)) {
    const reversed = order.slice(start, end + 1).reverse();
    order.splice(start, reversed.length, ...reversed);
  }
  const mirrored = bidi.getMirroredCharactersMap(line, levels.levels);
  // Indices are UTF-16 code units throughout; both halves of a surrogate pair share a level and
  // stay adjacent, so a piece never splits one.
  const units = Array.from({ length: line.length }, (_, i) => mirrored.get(i) ?? line[i] ?? '');

  const pieces: Piece[] = [];
  let current: { from: number; to: number; rtl: boolean } | null = null;
  const flush = () => {
    if (!current) return;
    const from = Math.min(current.from, current.to);
    const to = Math.max(current.from, current.to);
    pieces.push({
      text: units.slice(from, to + 1).join(''),
      logical: line.slice(from, to + 1),
      start: from,
      rtl: current.rtl,
      space: false,
    });
    current = null;
  };
  for (const index of order) {
    if (bidiControls.test(line[index] ?? '')) {
      flush();
      continue;
    }
    const rtl = (levels.levels[index] ?? 0) % 2 === 1;
    if (line[index] === ' ' && rtl) {
      flush();
      pieces.push({ text: ' ', logical: ' ', start: index, rtl, space: true });
      continue;
    }
    if (current && current.rtl === rtl && index === current.to + (rtl ? -1 : 1)) {
      current.to = index;
    } else {
      flush();
      current = { from: index, to: index, rtl };
    }
  }
  flush();
  const paragraph = levels.paragraphs[0];
  return { pieces, rtl: (paragraph?.level ?? 0) % 2 === 1 };
}

type TextOptions = PDFKit.Mixins.TextOptions;
type TextFn = (text: string, x?: number, y?: number, options?: TextOptions) => PDFKit.PDFDocument;

/**
 * Makes `doc.text` lay out any text holding right-to-left characters as above; text without
 * them goes to pdfkit unchanged. Every document draws its text through `doc.text`, so one
 * change here covers names in tables, notes, headers and templates alike. `base` is the
 * document's direction: an Arabic document's paragraphs read right to left and start at the
 * right edge even when they open with a product name; other documents take each paragraph's
 * direction from its first strong character and keep their alignment.
 */
export function installBidiText(doc: PDFKit.PDFDocument, base: BaseDirection): void {
  if (base === 'rtl') rightToLeftDocuments.add(doc);
  const original = doc.text.bind(doc) as TextFn;
  const text = (
    value: string | number,
    xOrOptions?: number | TextOptions,
    y?: number,
    options?: TextOptions,
  ): PDFKit.PDFDocument => {
    const str = String(value);
    const given = (typeof xOrOptions === 'object' ? xOrOptions : options) ?? {};
    // A right-to-left document's blocks start at the right edge, also a line holding only a
    // lot number or a date; a piece placed at a point (no line breaking) stays where it is put.
    const opts: TextOptions =
      base === 'rtl' && given.align === undefined && given.lineBreak !== false && !given.continued
        ? { ...given, align: 'right' }
        : given;
    // In a right-to-left document a date formatted for Arabic carries marks that order it.
    const steered = base === 'rtl' && bidiControls.test(str);
    if ((!hasRightToLeft(str) && !steered) || opts.continued) {
      // Drawn as it is stored, a mark or isolate would print as a missing-glyph box (the admin
      // command on a Turkish recovery sheet is isolated for its Arabic twin).
      const plain = str.replace(allBidiControls, '');
      return typeof xOrOptions === 'object'
        ? original(plain, undefined, undefined, opts)
        : original(plain, xOrOptions, y, opts);
    }
    const x = typeof xOrOptions === 'number' ? xOrOptions : doc.x;
    return drawLines(doc, original, str, x, y ?? doc.y, opts, base);
  };
  doc.text = text as PDFKit.PDFDocument['text'];
}

const rightToLeftDocuments = new WeakSet<PDFKit.PDFDocument>();

/** Whether the document reads right to left, so its columns and markers are mirrored. */
export function isRightToLeftDocument(doc: PDFKit.PDFDocument): boolean {
  return rightToLeftDocuments.has(doc);
}

function drawLines(
  doc: PDFKit.PDFDocument,
  original: TextFn,
  str: string,
  x: number,
  top: number,
  opts: TextOptions,
  base: BaseDirection,
): PDFKit.PDFDocument {
  const measure = { characterSpacing: opts.characterSpacing };
  const width = opts.width ?? doc.page.width - doc.page.margins.right - x;
  const lineGap = opts.lineGap ?? 0;
  const lineHeight = doc.currentLineHeight(true) + lineGap;
  let lines = str
    .split('\n')
    .flatMap((paragraph) =>
      opts.lineBreak === false ? [paragraph] : wrap(doc, paragraph, width, measure),
    );
  if (opts.height !== undefined) {
    const fit = Math.max(1, Math.floor((opts.height + lineGap) / lineHeight));
    if (lines.length > fit) {
      lines = lines.slice(0, fit);
      if (opts.ellipsis) lines[fit - 1] = `${lines[fit - 1] ?? ''}…`;
    }
  }
  let y = top;
  for (const line of lines) {
    if (opts.lineBreak !== false && y + lineHeight > doc.page.maxY() && y > doc.page.margins.top) {
      doc.addPage();
      y = doc.page.margins.top;
    }
    const visual = visualLine(line, base);
    const widths = visual.pieces.map((p) => doc.widthOfString(p.text, measure));
    const lineWidth = widths.reduce((a, b) => a + b, 0);
    const align = opts.align ?? (visual.rtl && base === 'rtl' ? 'right' : 'left');
    let pen = x;
    if (opts.width !== undefined || opts.lineBreak !== false) {
      if (align === 'right') pen = x + width - lineWidth;
      else if (align === 'center') pen = x + (width - lineWidth) / 2;
    }
    // Placed in visual order, drawn in stored order: extraction that follows the content stream
    // reads the sentence as written.
    const placed = visual.pieces.map((piece, i) => {
      const at = pen;
      pen += widths[i] ?? 0;
      return { piece, at };
    });
    placed.sort((a, b) => a.piece.start - b.piece.start);
    for (const { piece, at } of placed) {
      original(piece.text, at, y, { ...measure, lineBreak: false });
    }
    y += lineHeight;
  }
  doc.x = x;
  doc.y = y;
  return doc;
}

/** Greedy wrapping on spaces, in stored order: each line is then reordered on its own. */
function wrap(
  doc: PDFKit.PDFDocument,
  paragraph: string,
  width: number,
  measure: TextOptions,
): string[] {
  const words = paragraph.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && doc.widthOfString(candidate, measure) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  lines.push(line);
  return lines;
}

interface EmbeddedFontInternals {
  encode(text: string, features?: unknown): [string[], unknown[]];
  unicode?: (number[] | undefined)[];
}

/**
 * A right-to-left ligature (lam-alef, the mandatory one) is one glyph standing for two letters.
 * Text extraction (poppler's pdftotext, pdf.js) reads a right-to-left word glyph by glyph from
 * the left and reverses the characters it found, so the glyph's letters must be listed in the
 * order they are drawn, right to left, to come back as written: "العلاج", not "العالج".
 * pdfkit keeps no public hook for the glyph-to-text map; this wraps the font's encoder.
 */
export function readLigaturesInStoredOrder(doc: PDFKit.PDFDocument, fontNames: string[]): void {
  for (const name of fontNames) {
    doc.font(name);
    const font = (doc as unknown as { _font?: EmbeddedFontInternals })._font;
    if (!font || typeof font.encode !== 'function') continue;
    const encode = font.encode.bind(font);
    const reversed = new Set<number>();
    font.encode = (text, features) => {
      const result = encode(text, features);
      if (!hasRightToLeft(text)) return result;
      font.unicode?.forEach((codePoints, gid) => {
        if (reversed.has(gid) || !codePoints || codePoints.length < 2) return;
        reversed.add(gid);
        if (codePoints.every((cp) => rightToLeft.test(String.fromCodePoint(cp)))) {
          codePoints.reverse();
        }
      });
      return result;
    };
  }
}
