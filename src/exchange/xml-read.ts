/**
 * Reading XML leniently: a leading BOM is tolerated, namespace prefixes are ignored, every element
 * comes as a list so that one and many look alike. A document that does not parse gives a Diagnostic
 * at its line and column, never an exception. REFI-QDA needs no DOCTYPE: an external entity or DTD
 * in one is refused (qda never reads other files on a document's behalf) and internal entities are
 * never expanded.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { LineIndex, type Point } from '../position/line-index.js';

/** An element: attributes as strings, child elements as lists, text under `#text`. */
export type XmlNode = Record<string, unknown>;

/** How deep elements may nest; REFI-QDA documents stay far below (a code tree 90 levels deep would fit). */
export const MAX_DEPTH = 100;

export type ParsedXml = { root: Record<string, XmlNode[]> } | { diagnostics: Diagnostic[] };

/** Parses `text`; a problem is an error Diagnostic on `file`, at its line and column where it has one. */
export function parseXml(text: string, file: string, rule: string): ParsedXml {
  const xml = text.replace(/^\uFEFF/, '');
  const problem = (message: string, at?: Point, hint?: string): ParsedXml => ({ diagnostics: [diagnostic('error', file, rule, message, at, hint)] });
  const external = externalEntity(xml);
  if (external) return problem(external.message, new LineIndex(xml).point(external.offset), NO_DOCTYPE);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return problem(`the XML does not parse: ${valid.err.msg}`, new LineIndex(xml).pointOfUnits(valid.err.line, valid.err.col));
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
    maxNestedTags: MAX_DEPTH,
  });
  try {
    return { root: parser.parse(xml) as Record<string, XmlNode[]> };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/nested/i.test(message)) return problem(`the XML nests elements more than ${MAX_DEPTH} levels deep, which no REFI-QDA document does`);
    return problem(`the XML cannot be read: ${message}`);
  }
}

const NO_DOCTYPE = 'a REFI-QDA document needs no DOCTYPE: remove it, or export the project again';

/** Why a DOCTYPE is refused, and where: it names an entity or its DTD by a file or address (SYSTEM or PUBLIC). */
function externalEntity(xml: string): { message: string; offset: number } | undefined {
  const doctype = /<!DOCTYPE\b/i.exec(xml.slice(0, 65536));
  if (!doctype) return undefined;
  const head = xml.slice(doctype.index, doctype.index + 1_000_000);
  const quoted = (q: string | undefined) => (q ? ` (${q.slice(1, -1)})` : '');
  const entity = /<!ENTITY\s+(?:%\s*)?([^\s>]+)\s+(?:SYSTEM|PUBLIC)\s*("[^"]*"|'[^']*')?/i.exec(head);
  const dtd = /^<!DOCTYPE\s+[^\s[>]+\s+(?:SYSTEM|PUBLIC)\s*("[^"]*"|'[^']*')?/i.exec(head);
  const found = entity ? `an external entity "${entity[1]}"${quoted(entity[2])}` : dtd ? `an external DTD${quoted(dtd[1])}` : undefined;
  if (!found) return undefined;
  return { message: `its DOCTYPE declares ${found}, which qda never reads`, offset: doctype.index + (entity ? entity.index : 0) };
}

/** Child elements of a name. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  if (!Array.isArray(value)) return [];
  return value.map((v) => (typeof v === 'object' && v !== null ? (v as XmlNode) : { '#text': String(v) }));
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/** An attribute, or undefined. */
export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const v = node?.[`@${name}`];
  return v === undefined ? undefined : decodeEntities(String(v).replace(/\r\n?|[\n\t]/g, ' '));
}

/** The text of an element, line breaks as LF (XML's own end-of-line handling). */
export function textOf(node: XmlNode | undefined): string | undefined {
  if (node === undefined) return undefined;
  const t = node['#text'];
  const s = Array.isArray(t) ? t.join('') : t === undefined ? '' : String(t);
  return decodeEntities(s.replace(/\r\n?/g, '\n'));
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's five named entities and character references, in one pass (so `&amp;lt;` stays `&lt;`). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref];
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The text of the first child of a name, or undefined when absent or blank. */
export function childText(node: XmlNode | undefined, name: string): string | undefined {
  const t = textOf(child(node, name));
  return t !== undefined && t.trim() !== '' ? t : undefined;
}
