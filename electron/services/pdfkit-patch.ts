import PDFDocument from 'pdfkit';

/*
 * Two allocation fixes for pdfkit 0.20, applied when this module loads (npm runs no postinstall
 * scripts here, so no patch-package):
 * - PDFReference.write turns every content operator ("BT", "1 0 0 1 45 700 Tm", …) into a
 *   Uint8Array of its own: hundreds of thousands of tiny typed arrays for the 2,000-card minutes,
 *   which make V8's garbage collection the largest single cost. Here the strings are collected
 *   and joined into one buffer every 512 operators and when the object is written.
 * - PDFDocument._write pushes every line of every object as a stream chunk of its own; here they
 *   are batched into chunks of about 64 KiB.
 * The bytes written are the same (tests/unit/minutes-pdf.test.ts compares a PDF made with and
 * without). The patch checks the internals it replaces before it replaces them and throws when
 * they are not what it expects: an update of pdfkit then fails the tests and the export loudly
 * instead of quietly writing broken files or getting slow again.
 */

type Method = (this: unknown, ...args: unknown[]) => unknown;

interface ReferenceInternals {
  buffer: Uint8Array[];
  data: { Length?: number; Filter?: string };
  compress: boolean;
  uncompressedLength: number;
  pending?: string[];
}
interface DocumentInternals {
  _offset: number;
  pendingOut?: string[];
  pendingLength?: number;
}

const BATCH = 1 << 16;
const PENDING_MAX = 512;

const probe = new PDFDocument({ autoFirstPage: false, font: null } as unknown as PDFKit.PDFDocumentOptions);
const referencePrototype = Object.getPrototypeOf(probe.ref({})) as Record<string, Method | undefined>;
const documentPrototype = PDFDocument.prototype as unknown as Record<string, Method | undefined>;

/** What pdfkit must look like for the patch: its methods as 0.20 has them, and the fields they use. */
export interface PdfkitShape {
  write: unknown;
  finalize: unknown;
  push: unknown;
  docWrite: unknown;
  /** A fresh reference and document, for their fields. */
  reference: unknown;
  document: unknown;
}

/** What does not fit the patch in `shape`, in words; empty when it fits. */
export function pdfkitShapeProblems({ write, finalize, push, docWrite, reference, document }: PdfkitShape): string[] {
  const fields = (value: unknown) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {});
  return [
    typeof write !== 'function' && 'PDFReference.write is gone',
    typeof finalize !== 'function' && 'PDFReference.finalize is gone',
    typeof push !== 'function' && 'PDFDocument.push is gone',
    typeof docWrite !== 'function' && 'PDFDocument._write is gone',
    !Array.isArray(fields(reference).buffer) && 'PDFReference.buffer is no longer an array',
    typeof fields(reference).uncompressedLength !== 'number' && 'PDFReference.uncompressedLength is gone',
    typeof fields(document)._offset !== 'number' && 'PDFDocument._offset is gone',
    typeof write === 'function' && !/fromBinaryString/.test(String(write)) && 'PDFReference.write no longer converts strings itself',
    typeof finalize === 'function' && !/this\.buffer/.test(String(finalize)) && 'PDFReference.finalize no longer writes this.buffer',
    typeof docWrite === 'function' && !/this\.push\(/.test(String(docWrite)) && 'PDFDocument._write no longer pushes',
  ].filter((problem): problem is string => typeof problem === 'string');
}

/** pdfkit as loaded here: its methods and a fresh reference and document. */
export function loadedPdfkitShape(): PdfkitShape {
  return {
    write: referencePrototype.write,
    finalize: referencePrototype.finalize,
    push: documentPrototype.push,
    docWrite: documentPrototype._write,
    reference: probe.ref({}),
    document: probe,
  };
}

/** The methods the patch replaces, checked first: anything unexpected is an error, never a silent skip. */
function expectShape(): { write: Method; finalize: Method; push: Method; docWrite: Method } {
  const problems = pdfkitShapeProblems(loadedPdfkitShape());
  const { write, finalize } = referencePrototype;
  const { push, _write: docWrite } = documentPrototype;
  if (problems.length > 0 || !write || !finalize || !push || !docWrite) {
    throw new Error(`electron/services/pdfkit-patch.ts does not fit this pdfkit (${problems.join('; ')}): update or remove the patch`);
  }
  return { write, finalize, push, docWrite };
}

const original = expectShape();

function flushStrings(reference: ReferenceInternals): void {
  if (reference.pending && reference.pending.length > 0) {
    reference.buffer.push(Buffer.from(reference.pending.join(''), 'latin1'));
    reference.pending = [];
  }
}

function flushOut(document: DocumentInternals): void {
  if (document.pendingOut && document.pendingOut.length > 0) {
    const bytes = Buffer.from(document.pendingOut.join(''), 'latin1');
    document.pendingOut = [];
    document.pendingLength = 0;
    original.push.call(document, bytes);
  }
}

const patched: Record<'write' | 'finalize' | 'push' | 'docWrite', Method> = {
  write(this: unknown, chunk: unknown) {
    const reference = this as ReferenceInternals;
    if (chunk instanceof Uint8Array) {
      flushStrings(reference);
      return original.write.call(this, chunk);
    }
    const text = `${String(chunk)}\n`;
    const pending = (reference.pending ??= []);
    pending.push(text);
    // A page's content stays in memory until the document ends (pages are numbered then): held as
    // a few large buffers rather than thousands of small strings, it costs the collector little.
    if (pending.length >= PENDING_MAX) flushStrings(reference);
    reference.uncompressedLength += text.length;
    reference.data.Length = (reference.data.Length ?? 0) + text.length;
    if (reference.compress) reference.data.Filter = 'FlateDecode';
    return undefined;
  },
  finalize(this: unknown) {
    flushStrings(this as ReferenceInternals);
    return original.finalize.call(this);
  },
  docWrite(this: unknown, data: unknown) {
    const document = this as DocumentInternals;
    if (data instanceof Uint8Array) {
      flushOut(document);
      original.push.call(this, data);
      document._offset += data.length;
      return undefined;
    }
    const text = `${String(data)}\n`;
    (document.pendingOut ??= []).push(text);
    document.pendingLength = (document.pendingLength ?? 0) + text.length;
    document._offset += text.length;
    if (document.pendingLength > BATCH) flushOut(document);
    return undefined;
  },
  push(this: unknown, chunk: unknown) {
    // null ends the stream: what is pending goes out first.
    if (chunk === null) flushOut(this as DocumentInternals);
    return original.push.call(this, chunk);
  },
};

function install(methods: typeof patched): void {
  referencePrototype.write = methods.write;
  referencePrototype.finalize = methods.finalize;
  documentPrototype._write = methods.docWrite;
  documentPrototype.push = methods.push;
}

install(patched);

/** Whether pdfkit runs with the patch (a check for the tests). */
export function pdfkitPatched(): boolean {
  return referencePrototype.write === patched.write && documentPrototype._write === patched.docWrite;
}

/** Runs `work` on pdfkit as it ships (for the tests and the benchmark's comparison); nothing else may draw meanwhile. */
export async function withoutPdfkitPatch<T>(work: () => Promise<T>): Promise<T> {
  install(original);
  try {
    return await work();
  } finally {
    install(patched);
  }
}

interface EmbeddedFontInternals {
  widths: number[];
  scale: number;
  font: { getGlyph(id: number): { advanceWidth: number } };
}

const isEmbeddedFont = (value: unknown): value is EmbeddedFontInternals => {
  const font = value as Partial<EmbeddedFontInternals> | null;
  return typeof font === 'object' && font !== null && Array.isArray(font.widths) && typeof font.scale === 'number' && typeof font.font?.getGlyph === 'function';
};

/**
 * pdfkit 0.20 writes the width of glyph 0 (the missing-glyph box) in the font's own units, not in
 * the PDF's thousandths of an em (EmbeddedFont's constructor): Inter's box is declared 1,344 wide
 * instead of 656, so a reader draws the second of two boxes in a row, and the text after a box,
 * half an em further than pdfkit laid them out, over the next letters. Called before the document
 * ends (the widths are written then); the value set is the one pdfkit lays out with, so a pdfkit
 * that computes it right is left as it is.
 */
export function scaleMissingGlyphWidths(doc: PDFKit.PDFDocument): void {
  const families = (doc as unknown as { _fontFamilies?: Record<string, unknown> })._fontFamilies ?? {};
  for (const font of Object.values(families)) {
    if (isEmbeddedFont(font) && font.widths.length > 0) font.widths[0] = font.font.getGlyph(0).advanceWidth * font.scale;
  }
}
