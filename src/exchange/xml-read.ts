/**
 * Reading XML leniently: a leading BOM is tolerated, namespace prefixes are ignored, every element
 * comes as a list so that one and many look alike. A document that does not parse gives a message
 * with the line and column, never an exception.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element: attributes as strings, child elements as lists, text under `#text`. */
export type XmlNode = Record<string, unknown>;

export function parseXml(text: string): { root: Record<string, XmlNode[]> } | { error: string } {
  const xml = text.replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) return { error: `XML does not parse at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}` };
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
  });
  return { root: parser.parse(xml) as Record<string, XmlNode[]> };
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
