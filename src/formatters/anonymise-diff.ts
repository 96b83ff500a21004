/**
 * What `qda anonymise --dry-run` shows: per file that would change, each changed line before and
 * after, with its line number, in the shape of a unified diff without context lines. The
 * transformation replaces words inside lines, never lines themselves, so lines pair one to one.
 */

export function fileDiff(path: string, before: string, after: string, label = 'pseudonymised'): string {
  if (before === after) return '';
  const old = before.split(/\r\n|\r|\n/);
  const now = after.split(/\r\n|\r|\n/);
  const out = [`--- ${path}`, `+++ ${path} (${label})`];
  if (old.length !== now.length) {
    let first = 0;
    while (first < Math.min(old.length, now.length) && old[first] === now[first]) first++;
    let last = 0;
    while (last < Math.min(old.length, now.length) - first && old[old.length - 1 - last] === now[now.length - 1 - last]) last++;
    const removed = old.slice(first, old.length - last);
    const added = now.slice(first, now.length - last);
    out.push(`@@ -${first + 1},${removed.length} +${first + 1},${added.length} @@`, ...removed.map((l) => `-${l}`), ...added.map((l) => `+${l}`));
    return `${out.join('\n')}\n`;
  }
  for (let i = 0; i < old.length; i++) {
    if (old[i] === now[i]) continue;
    out.push(`@@ -${i + 1} +${i + 1} @@`);
    if (old[i] !== undefined) out.push(`-${old[i]}`);
    if (now[i] !== undefined) out.push(`+${now[i]}`);
  }
  return `${out.join('\n')}\n`;
}

/** The key as `--dry-run` lists it after the changes: one line per original, in the order found. */
export function keyListing(entries: { original: string; pseudonym: string; kind: string }[]): string {
  if (entries.length === 0) return 'key: nothing to replace\n';
  return `key (original → pseudonym):\n${entries.map((e) => `  ${e.original} → ${e.pseudonym} (${e.kind})\n`).join('')}`;
}
