/**
 * Sentence boundaries inside a block, as ranges, so that the `sentence` unit keeps exact positions.
 * A sentence ends at . ! ? or … followed by white space and a capital, digit or quote, unless the
 * word before the full stop is a known abbreviation or an initial.
 */
import type { Range } from '../position/line-index.js';

const ABBREVIATIONS = new Set(
  (
    'bijv,bv,b.v,o.a,d.w.z,dhr,mevr,mw,e.d,enz,etc,nl,zgn,i.p.v,m.b.t,t.a.v,ca,evt,incl,excl,resp,vs,jl,a.s,' +
    'i.s.m,mr,dr,drs,ir,prof,st,e.g,i.e,mrs,ms,no,nr,blz,pag,p,jr,sr,m.n,o.b.v,t.b.v,z.s.m,i.o.m,n.a.v'
  ).split(','),
);

const END = /[.!?…]+["'”’)\]]*(?=\s+["'“‘(\[]?[\p{Lu}\p{N}])/gu;

export function splitSentences(text: string, range: Range): Range[] {
  const slice = text.slice(range.start, range.end);
  const result: Range[] = [];
  let start = 0;
  for (const m of slice.matchAll(END)) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.' && m[0].length === 1 && isAbbreviation(slice, m.index)) continue;
    result.push({ start: range.start + start, end: range.start + end });
    start = end;
    while (start < slice.length && /\s/.test(slice[start])) start++;
  }
  if (start < slice.length) result.push({ start: range.start + start, end: range.end });
  return result;
}

function isAbbreviation(slice: string, dot: number): boolean {
  const word = /[\p{L}.]+$/u.exec(slice.slice(Math.max(0, dot - 12), dot))?.[0] ?? '';
  if (word.length === 1 && /\p{Lu}/u.test(word)) return true; // an initial: "J. de Vries"
  return ABBREVIATIONS.has(word.toLowerCase().replace(/^\.+/, ''));
}
