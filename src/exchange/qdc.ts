/** ExCodebook ↔ .qdc text (REFI-QDA codebook, Codebook-mrt2019.xsd). */
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { ExCodebook } from './model.js';
import { readCodes, readSet } from './qde-read.js';
import { writeCode, writeSets } from './qde-write.js';
import { attrs, XML_DECLARATION } from './xml.js';
import { child, children, parseXml } from './xml-read.js';

export const CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';
const SCHEMA_LOCATION = `${CODEBOOK_NS} http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd`;

export function writeQdc(book: ExCodebook): string {
  const out: string[] = [XML_DECLARATION];
  out.push(
    `<CodeBook xmlns="${CODEBOOK_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${SCHEMA_LOCATION}"${attrs([['origin', book.origin]])}>\n`,
  );
  out.push('  <Codes>\n');
  for (const code of book.codes) writeCode(code, '    ', out, false);
  out.push('  </Codes>\n');
  writeSets(book.sets, out, true);
  out.push('</CodeBook>\n');
  return out.join('');
}

/** The codebook of a .qdc; `file` names it in the diagnostics. */
export function readQdc(text: string, file: string): { codebook?: ExCodebook; diagnostics: Diagnostic[] } {
  const parsed = parseXml(text, file, 'qdc/xml');
  if ('diagnostics' in parsed) return parsed;
  const root = parsed.root.CodeBook?.[0];
  if (!root) return { diagnostics: [diagnostic('error', file, 'qdc/xml', 'the XML is not a REFI-QDA codebook: its root element is not <CodeBook>')] };
  const origin = root['@origin'];
  const codebook: ExCodebook = {
    codes: readCodes(child(root, 'Codes')),
    sets: children(child(root, 'Sets'), 'Set').map(readSet),
  };
  if (typeof origin === 'string') codebook.origin = origin;
  return { codebook, diagnostics: [] };
}
