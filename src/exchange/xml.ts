/** Writing XML text: escaping, and dropping characters XML 1.0 does not allow. */

// Control characters other than tab, LF and CR, lone surrogates and U+FFFE/U+FFFF are not XML.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function xmlAttr(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

/** ` name="value"` for each defined attribute, in the order given. */
export function attrs(list: [string, string | number | boolean | undefined][]): string {
  return list
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>\n';
