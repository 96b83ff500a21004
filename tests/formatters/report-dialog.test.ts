// The excerpt dialog of the report: a cell with more segments than the page keeps says how many of
// them it shows. The page's script runs here against a small stand-in for the browser's document.
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { SCRIPT } from '../../src/formatters/report/script.js';
import { reportWordsFor } from '../../src/formatters/labels.js';
import { EXCERPTS_PER_CELL } from '../../src/report/model.js';

interface Node {
  tag: string;
  textContent: string;
  className?: string;
  children: Node[];
  append(...nodes: Node[]): void;
  after(node: Node): void;
  replaceChildren(): void;
  querySelectorAll(selector: string): Node[];
}

function node(tag = ''): Node {
  const n: Node = {
    tag,
    textContent: '',
    children: [],
    append: (...nodes) => n.children.push(...nodes),
    after: () => undefined,
    replaceChildren: () => (n.children = []),
    querySelectorAll: (selector) => n.children.flatMap((c) => c.children.filter((d) => d.tag === selector)),
  };
  return n;
}

/** The dialog title after a click on a cell showing `count`, with `kept` excerpts of it in the page. */
function dialogTitle(language: 'nl' | 'en', count: number, kept: number): string {
  const w = reportWordsFor(language);
  const excerpts = Array.from({ length: kept }, (_, i) => ({ code: 0, columns: [0], text: `fragment ${i}`, citation: `a.md:${i + 1}` }));
  const data = { words: { none: w.none, excerptsFor: w.excerptsFor, matched: w.matched, shownOf: w.shownOf }, excerpts };
  const list = node('ol');
  const title = node();
  let click: () => void = () => undefined;
  const button = {
    textContent: String(count),
    dataset: { col: '0', codes: '0', title: 'Wachtlijst · Noord' },
    addEventListener: (_: string, f: () => void) => (click = f),
  };
  const dialog = {
    querySelector: (s: string) => (s === 'ol' ? list : { addEventListener: () => undefined }),
    addEventListener: () => undefined,
    showModal: () => undefined,
  };
  const document = {
    documentElement: { classList: { add: () => undefined } },
    getElementById: (id: string) => (id === 'qda-data' ? { textContent: JSON.stringify(data) } : id === 'excerpts' ? dialog : title),
    querySelectorAll: (s: string) => (s === '.heatmap td button' ? [button] : []),
    createElement: (tag: string) => node(tag),
  };
  runInNewContext(SCRIPT, { document, Map, Set, Number, String, JSON });
  click();
  expect(list.children).toHaveLength(kept);
  return title.textContent;
}

describe('the excerpt dialog of a large cell', () => {
  test('says it shows the first 50 of N, in Dutch and English', () => {
    expect(dialogTitle('nl', 312, EXCERPTS_PER_CELL)).toBe(`Fragmenten: Wachtlijst · Noord (de eerste ${EXCERPTS_PER_CELL} van 312)`);
    expect(dialogTitle('en', 312, EXCERPTS_PER_CELL)).toBe(`Excerpts: Wachtlijst · Noord (the first ${EXCERPTS_PER_CELL} of 312)`);
  });

  test('a cell the page holds whole shows its number alone', () => {
    expect(dialogTitle('nl', 7, 7)).toBe('Fragmenten: Wachtlijst · Noord (7)');
  });
});
