/**
 * Bytes of one file → Document, or the problems that stop it: undecodable bytes (with their byte
 * offset and line), binary content, broken front matter. A UTF-8 file read in a single-byte encoding
 * loads, with a warning, since its text would be full of mojibake.
 */
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readDocument, type Document } from '../ingest/document.js';
import { crOnlyToLf, decode, encodingMismatch, misreadUtf8, type Misread } from '../io/decode.js';
import { LineIndex } from '../position/line-index.js';

/** The encoding a file is read in, and how the user would undo that choice (for messages). */
export interface FileEncoding {
  name: string;
  /** What to change so that the file is read as UTF-8, e.g. "drop --encoding latin1 for this file". */
  undo?: string;
}

/** `redact` turns the decoded text into the text that is read (see anonymise/redact.ts); positions point into the result. */
export function loadDocument(
  path: string,
  bytes: Uint8Array,
  choice: string | FileEncoding,
  redact?: (path: string, text: string) => string,
): { document?: Document; diagnostics: Diagnostic[] } {
  const { name: encoding, undo } = typeof choice === 'string' ? { name: choice, undo: undefined } : choice;
  if (bytes.length === 0)
    return { diagnostics: [diagnostic('warning', path, 'file/empty', 'file is empty', undefined, 'remove it from the corpus or add text')] };
  const mismatch = encodingMismatch(bytes, encoding);
  if (mismatch) {
    const hint =
      mismatch.use === 'utf-8'
        ? (undo ?? 'read it as UTF-8')
        : `use --encoding ${mismatch.use} (or map the file to ${mismatch.use} under \`encodings\` in qda.yaml)`;
    return { diagnostics: [diagnostic('error', path, 'file/encoding', mismatch.message, { line: 1, column: 1 }, hint)] };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0 && !/^utf-?16/i.test(encoding)) {
    return {
      diagnostics: [
        diagnostic(
          'error',
          path,
          'file/binary',
          `file looks binary (a NUL byte at byte ${nul})`,
          pointAtByte(bytes, nul),
          'give qda markdown or plain-text files; export Word documents as text first',
        ),
      ],
    };
  }
  const decoded = decode(bytes, encoding);
  if (!decoded.ok) {
    const hint =
      /utf-?8/i.test(encoding) || encoding === ''
        ? 'if the file comes from Word or an older system, try --encoding windows-1252 (or map it under `encodings` in qda.yaml)'
        : 'check which encoding the file was saved in';
    return {
      diagnostics: [
        diagnostic('error', path, 'file/encoding', `${decoded.reason} at byte ${decoded.byteOffset}`, pointAtByte(bytes, decoded.byteOffset), hint),
      ],
    };
  }
  const text = crOnlyToLf(decoded.text);
  const { document, diagnostics } = readDocument(path, redact ? redact(path, text) : text);
  const misread = misreadUtf8(bytes, encoding);
  if (misread) diagnostics.unshift(misreadWarning(path, misread, encoding, document.lines, undo));
  return hasErrors(diagnostics) ? { diagnostics } : { document, diagnostics };
}

function misreadWarning(path: string, misread: Misread, encoding: string, lines: LineIndex, undo: string | undefined): Diagnostic {
  const what = misread.meant === '\uFEFF' ? 'a UTF-8 byte order mark' : `"${misread.meant}"`;
  return diagnostic(
    'warning',
    path,
    'file/mojibake',
    `the file is UTF-8 but is read as ${encoding}, which gives mojibake: "${visible(misread.seen)}" for ${what}`,
    lines.point(misread.offset),
    undo ?? 'read it as UTF-8',
  );
}

/** Control characters (latin1 reads 0x80–0x9F as such) written as \xNN, so that a message shows them. */
function visible(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Line and column of a byte offset, counting the valid UTF-8 before it. */
function pointAtByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset)).replace(/^\uFEFF/, '');
  return new LineIndex(before).point(before.length);
}
