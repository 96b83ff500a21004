/**
 * Bytes of one file → Document, or the problems that stop it: undecodable bytes (with their byte
 * offset and line), binary content, broken front matter.
 */
import { diagnostic, hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readDocument, type Document } from '../ingest/document.js';
import { decode } from '../io/decode.js';
import { LineIndex } from '../position/line-index.js';

export function loadDocument(path: string, bytes: Uint8Array, encoding: string): { document?: Document; diagnostics: Diagnostic[] } {
  if (bytes.length === 0)
    return { diagnostics: [diagnostic('warning', path, 'file/empty', 'file is empty', undefined, 'remove it from the corpus or add text')] };
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
        ? 'if the file comes from Word or an older system, try --encoding windows-1252'
        : 'check which encoding the file was saved in';
    return {
      diagnostics: [
        diagnostic('error', path, 'file/encoding', `${decoded.reason} at byte ${decoded.byteOffset}`, pointAtByte(bytes, decoded.byteOffset), hint),
      ],
    };
  }
  const { document, diagnostics } = readDocument(path, decoded.text);
  return hasErrors(diagnostics) ? { diagnostics } : { document, diagnostics };
}

/** Line and column of a byte offset, counting the valid UTF-8 before it. */
function pointAtByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset)).replace(/^\uFEFF/, '');
  return new LineIndex(before).point(before.length);
}
