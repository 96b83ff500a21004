/**
 * The second runaway shape: unbounded repeats that compete for the same characters without a group
 * around them, `\w*\w*x` or `wachtlijst.*gemeente`. Each extra competitor multiplies the work on a
 * text that does not match by its length. The check reads the pattern as a flat list of atoms and,
 * from every unbounded atom, looks ahead until a required atom that cannot match its characters.
 */

type Atom = { kind: string; min: number; max: number } | { kind: '|' };

const CLASSES: Record<string, string> = { w: 'w', d: 'd', s: 's', W: 'W', D: 'D', S: 'S' };

function atoms(source: string): Atom[] {
  const out: Atom[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    let kind: string | undefined;
    if (c === '\\') {
      const e = source[++i] ?? '';
      if (e === 'b' || e === 'B') continue; // zero-width
      const code = /^(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4}))/.exec(source.slice(i));
      if (code) {
        kind = `lit:${String.fromCharCode(parseInt(code[1] ?? code[2], 16)).toLowerCase()}`;
        i += code[0].length - 1;
      } else kind = CLASSES[e] ?? `lit:${e.toLowerCase()}`;
    } else if (c === '[') {
      const end = source.indexOf(']', i + 2);
      const body = source.slice(i + 1, end < 0 ? undefined : end);
      kind = /^\\s$| $/.test(body) ? 's' : `set:${body}`;
      i = end < 0 ? source.length : end;
    } else if (c === '(') {
      const group = /^\(\?(?:[:=!]|<[=!]|<[\w$]+>)/.exec(source.slice(i));
      if (group) i += group[0].length - 1;
      continue;
    } else if (c === ')' || c === '^' || c === '$') continue;
    else if (c === '|') {
      out.push({ kind: '|' });
      continue;
    } else if (c === '.') kind = 'dot';
    else if ('*+?{'.includes(c)) continue;
    else kind = `lit:${c.toLowerCase()}`;
    const q = /^(?:([*+?])|\{(\d+)(?:(,)(\d*))?\})\??/.exec(source.slice(i + 1));
    let [min, max] = [1, 1];
    if (q) {
      i += q[0].length;
      if (q[1]) [min, max] = q[1] === '*' ? [0, Infinity] : q[1] === '+' ? [1, Infinity] : [0, 1];
      else [min, max] = [Number(q[2]), q[3] ? (q[4] ? Number(q[4]) : Infinity) : Number(q[2])];
    }
    out.push({ kind, min, max });
  }
  return out;
}

/**
 * The members of a simple set such as [\s-] as class letters and literal characters; undefined for
 * ranges and negated sets, which are taken to overlap with everything.
 */
function members(body: string): string[] | undefined {
  if (body.startsWith('^')) return undefined;
  const out: string[] = [];
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') {
      const e = body[++i] ?? '';
      out.push(CLASSES[e] ?? `lit:${e}`);
    } else if (body[i] === '-' && i > 0 && i < body.length - 1) return undefined;
    else out.push(`lit:${body[i].toLowerCase()}`);
  }
  return out;
}

/** Whether two atoms can never match the same character. Unknown sets are taken to overlap. */
function disjoint(a: string, b: string): boolean {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ]) {
    if (!x.startsWith('set:')) continue;
    const items = members(x.slice(4));
    return items !== undefined && items.every((item) => disjoint(item, y));
  }
  const test = (x: string, y: string): boolean => {
    const lit = y.startsWith('lit:') ? y.slice(4) : undefined;
    const word = lit !== undefined && /\w/.test(lit);
    const space = lit !== undefined && /\s/.test(lit);
    switch (x) {
      case 's':
        return y === 'w' || y === 'd' || y === 'S' || (lit !== undefined && !space);
      case 'w':
        return y === 's' || y === 'W' || (lit !== undefined && !word);
      case 'd':
        return y === 's' || y === 'D' || (lit !== undefined && !/\d/.test(lit));
      case 'W':
        return y === 'w' || y === 'd' || (lit !== undefined && word);
      case 'S':
        return y === 's' || space;
      case 'D':
        return y === 'd' || (lit !== undefined && /\d/.test(lit));
      default:
        return x.startsWith('lit:') && lit !== undefined && x.slice(4) !== lit;
    }
  };
  return test(a, b) || test(b, a);
}

/** Why the pattern's unbounded repeats compete, or undefined. */
export function competingRepeats(source: string): string | undefined {
  const list = atoms(source);
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    if (a.kind === '|' || !('max' in a) || a.max !== Infinity) continue;
    if (a.kind === 'dot') return 'an unbounded .* or .+ scans to the end of the text for every start; write a bounded gap such as .{0,60}';
    for (let j = i + 1; j < list.length; j++) {
      const b = list[j];
      if (b.kind === '|' || !('max' in b)) break;
      if (disjoint(a.kind, b.kind)) {
        if (b.min > 0) break;
        continue;
      }
      if (b.max === Infinity)
        return 'two unbounded repeats compete for the same characters (as in \\w*\\w*): the time grows as a power of the text length';
    }
  }
  return undefined;
}
