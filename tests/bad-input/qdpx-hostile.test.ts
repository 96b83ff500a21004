// Hostile and broken .qdpx files, made here as an attacker or a faulty exporter would make them. The
// message, the exit status and what is written (only ever inside --into) are checked; the imports whose
// peak memory or stack depth is the point run in a process of their own, one after another (its peak
// bounds each one's), the others run in this one.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { builtArgs, builtResults, type BuiltResult } from '../helpers/run-built.js';
import { qda } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { BUILT, expectRefused, listFiles, spawnMeasured, STACK } from './shared.js';
import { deflateRun, forgeZip, stored, type ForgedEntry } from './zip-forge.js';

const GiB = 1024 ** 3;
/** Peak memory an import of these small files may reach: Node itself takes about 70 MiB. */
const PEAK_LIMIT_KIB = 200 * 1024;
const G = (n: number) => `aaaaaaaa-0000-0000-0000-${String(n).padStart(12, '0')}`;

const project = (sources: string, doctype = '') =>
  `<?xml version="1.0" encoding="utf-8"?>\n${doctype}<Project xmlns="urn:QDA-XML:project:1.0" name="p">` +
  `<Users><User guid="${G(9)}" name="ann"/></Users>` +
  `<CodeBook><Codes><Code guid="${G(1)}" name="Food" isCodable="true"/></Codes></CodeBook>` +
  `<Sources>${sources}</Sources></Project>`;

const source = (name: string, path: string, selections = '') =>
  `<TextSource guid="${G(2)}" name="${name}" plainTextPath="${path}">${selections}</TextSource>`;

const selection = (start: number | string, end: number | string) =>
  `<PlainTextSelection guid="${G(3)}" startPosition="${start}" endPosition="${end}" creatingUser="${G(9)}"><Coding guid="${G(4)}" creatingUser="${G(9)}"><CodeRef targetGUID="${G(1)}"/></Coding></PlainTextSelection>`;

/** The imports run in the separate process, by name: each made in its folder under `root` before the run. */
const spawned = new Map<string, (root: string) => { work: string; argv: string[] }>();
let spawnedRoot = '';
let ran: { folders: Map<string, string>; results: Map<string, BuiltResult>; peakKiB: number } | undefined;

/**
 * An import of `zip` from root/a/b/x.qdpx into root/a/b/out for the separate process, so that an
 * entry or path climbing two folders up would land in root; `importZip(name)` gives its run.
 */
function spawnImport(name: string, zip: () => Uint8Array, extra: string[] = []): string {
  spawned.set(name, (root) => placed(zip(), extra, join(root, name)));
  return name;
}

/** The run of a spawnImport, the process's peak memory, and the files outside --into (the .qdpx itself aside). */
function importZip(name: string) {
  const r = ran!.results.get(name)!;
  return { ...r, peakKiB: ran!.peakKiB, ...written(ran!.folders.get(name)!) };
}

// The folders are made here, not in tempDir's (removed after each test).
beforeAll(() => {
  if (!BUILT || spawned.size === 0) return;
  const root = (spawnedRoot = mkdtempSync(join(tmpdir(), 'qda-test-hostile-')));
  const names = [...spawned.keys()];
  const runs = names.map((name) => spawned.get(name)!(root));
  const r = spawnMeasured(builtArgs(runs.map(({ argv, work }) => ({ argv, cwd: work }))), root, 120_000);
  const results = builtResults(r);
  ran = {
    folders: new Map(names.map((name, i) => [name, runs[i].work])),
    results: new Map(names.map((name, i) => [name, results[i]])),
    peakKiB: r.peakKiB,
  };
}, 150_000);

afterAll(() => {
  if (spawnedRoot) rmSync(spawnedRoot, { recursive: true, force: true });
});

/** importZip in this process, for the cases where neither memory nor stack is the point. */
async function importZipHere(zip: Uint8Array, extra: string[] = []) {
  const { work, argv } = placed(zip, extra);
  const r = await qda(argv, { cwd: work });
  return { ...r, ...written(work) };
}

function placed(zip: Uint8Array, extra: string[], root = tempDir()) {
  const work = join(root, 'a', 'b');
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'x.qdpx'), zip);
  return { work, argv: ['import', 'qdpx', 'x.qdpx', '--into', 'out', ...extra] };
}

function written(work: string) {
  const root = join(work, '..', '..');
  const all = listFiles(root);
  return {
    outside: all.filter((f) => f !== join('a', 'b', 'x.qdpx') && !f.startsWith(join('a', 'b', 'out') + '/')),
    inside: listFiles(join(work, 'out')),
    read: (path: string) => readFileSync(join(work, 'out', path), 'utf8'),
  };
}

const zipOf = (qde: string, ...more: ForgedEntry[]) => forgeZip([stored('project.qde', qde), ...more]);

function expectLowPeak(r: { peakKiB: number }) {
  expect(r.peakKiB).toBeGreaterThan(0);
  expect(r.peakKiB).toBeLessThan(PEAK_LIMIT_KIB);
}

describe.runIf(BUILT)('qda import qdpx: hostile files are refused cleanly', () => {
  const doctype = '<!DOCTYPE Project [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n';
  const entity = spawnImport('entity', () =>
    zipOf(project(source('one', 'internal://one.txt'), doctype), stored('sources/one.txt', 'We bake &secret; bread.')),
  );
  test('an external entity in a DOCTYPE is refused, naming the file, and never read', () => {
    const r = importZip(entity);
    expectRefused(
      r,
      /^x\.qdpx \(project\.qde\):2:20: error: its DOCTYPE declares an external entity "secret" \(file:\/\/\/etc\/passwd\), which qda never reads \[qdpx\/xml\]\n  a REFI-QDA document needs no DOCTYPE/m,
    );
    expect(r.stderr).not.toContain('root:');
    expect(r.inside).toEqual([]);
    expect(r.outside).toEqual([]);
    expectLowPeak(r);
  });

  test('an external DTD is refused the same way', async () => {
    const r = await importZipHere(zipOf(project('', '<!DOCTYPE Project SYSTEM "http://example.invalid/p.dtd">\n')));
    expectRefused(r, 'x.qdpx (project.qde):2:1: error: its DOCTYPE declares an external DTD (http://example.invalid/p.dtd)');
    expect(r.inside).toEqual([]);
  });

  const declared = spawnImport('declared', () =>
    zipOf(project(source('one', 'internal://one.txt', selection(0, 4))), {
      name: 'sources/one.txt',
      data: deflateRun(0x61, 1.5e9),
      method: 8,
      size: 1.5e9,
    }),
  );
  test('an entry declaring 1.5 GB is refused before it is inflated', () => {
    const r = importZip(declared);
    expectRefused(r, 'x.qdpx (sources/one.txt): error: inflates to 1.4 GiB, above the limit of 256 MiB per entry (--max-entry-size)');
    expect(r.inside).toEqual([]);
    expect(r.outside).toEqual([]);
    expectLowPeak(r);
  });

  const beyond = spawnImport('beyond', () =>
    zipOf(project(source('one', 'internal://one.txt')), { name: 'sources/one.txt', data: deflateRun(0x61, 1e9), method: 8, size: 1000 }),
  );
  test('an entry that inflates far beyond the size it declares is stopped at that size', () => {
    const r = importZip(beyond);
    expectRefused(
      r,
      'x.qdpx (sources/one.txt): error: inflates to more than the 1000 bytes the archive declares for it (a damaged or forged archive)',
    );
    expect(r.inside).toEqual([]);
    expectLowPeak(r);
  });

  // Above the 1 MiB from which the ratio is checked.
  const size = 4 * 1024 * 1024;
  const bomb = (): ForgedEntry => ({ name: 'sources/one.txt', data: deflateRun(0x61, size), method: 8, size });
  const qde = project(source('one', 'internal://one.txt'));
  const ratioBomb = spawnImport('ratio', () => zipOf(qde, bomb()));
  test('the ratio limit holds within the size limits, and every limit can be set', async () => {
    const ratio = importZip(ratioBomb);
    expectRefused(ratio, /x\.qdpx \(sources\/one\.txt\): error: inflates from \d+ KiB to 4 MiB, more than 100 times \(--max-ratio\)/);
    expectLowPeak(ratio);
    const entry = await importZipHere(zipOf(qde, bomb()), ['--max-entry-size', '2M']);
    expectRefused(entry, 'x.qdpx (sources/one.txt): error: inflates to 4 MiB, above the limit of 2 MiB per entry (--max-entry-size)');
    const archive = await importZipHere(zipOf(qde, bomb()), ['--max-archive-size', '3m', '--max-ratio', '1000']);
    expectRefused(
      archive,
      'x.qdpx (sources/one.txt): error: inflates to 4 MiB, which takes the entries read past the limit of 3 MiB for the whole archive (--max-archive-size)',
    );
    const allowed = await importZipHere(zipOf(qde, bomb()), ['--max-ratio', '1000']);
    expect(allowed.stderr).not.toMatch(STACK);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.inside).toContain(join('corpus', 'one.md'));
    const bad = await importZipHere(zipOf(qde), ['--max-entry-size', '3G']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-entry-size can be at most 1G, not "3G"');
  });

  const climbing = spawnImport('climbing', () =>
    zipOf(
      project(source('one', 'internal://one.txt', selection(3, 7))),
      stored('sources/one.txt', 'We bake bread.\n'),
      stored('../../x', 'climbed'),
      stored('/tmp/qda-abs-x', 'absolute'),
    ),
  );
  test('zip entries named ../../x or /x are never written, and the import goes on', () => {
    const r = importZip(climbing);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(0);
    expect(r.outside).toEqual([]);
    expect(r.inside).toEqual(['codebooks/imported.yaml', 'codings/ann.csv', 'corpus/one.md', 'qda.yaml']);
    expectLowPeak(r);
  });

  const outsideSources = spawnImport('outside-sources', () =>
    zipOf(
      project(
        source('rel', 'relative://../../etc/passwd', selection(0, 4)).replace(G(2), G(5)) +
          source('abs', 'absolute:///etc/passwd', selection(0, 4)).replace(G(2), G(6)),
      ),
    ),
  );
  test('relative:// and absolute:// sources are left out with a warning, never read', () => {
    const r = importZip(outsideSources);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /^x\.qdpx: warning: left out 2 text sources that refer outside the archive \(e\.g\. «rel» relative:\/\/\.\.\/\.\.\/etc\/passwd, «abs» absolute:\/\/\/etc\/passwd\)/m,
    );
    expect(r.stderr).toMatch(/left out 2 codings in text sources without text/);
    expect(r.inside.filter((f) => f.startsWith('corpus/'))).toEqual([]);
    expect(r.outside).toEqual([]);
    expectLowPeak(r);
  });

  test('source names that climb folders become plain file names inside corpus/', async () => {
    const r = await importZipHere(zipOf(project(source('../../t', 'internal://one.txt')), stored('sources/one.txt', 'We bake bread.\n')));
    expect(r.code, r.stderr).toBe(0);
    expect(r.inside).toContain('corpus/t.md');
    expect(r.outside).toEqual([]);
  });

  const lol = ['<!ENTITY lol0 "lol">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`)].join('');
  const inline = `<TextSource guid="${G(2)}" name="laughs"><PlainTextContent>We laugh &lol9; here.</PlainTextContent></TextSource>`;
  const laughs = spawnImport('laughs', () => zipOf(project(inline, `<!DOCTYPE Project [${lol}]>\n`)));
  test('internal entities (a billion laughs) are not expanded', () => {
    const r = importZip(laughs);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.code, r.stderr).toBe(0);
    expect(r.read('corpus/laughs.md')).toContain('We laugh &lol9; here.');
    expect(r.outside).toEqual([]);
    expectLowPeak(r);
  });

  test('selections outside the text are left out with a warning', async () => {
    const r = await importZipHere(
      zipOf(project(source('one', 'internal://one.txt', selection(5, 4000))), stored('sources/one.txt', 'We bake bread.\n')),
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/left out 1 codings whose selection lies outside its text \(e\.g\. «one» 5–4000\)/);
    expect(r.inside.filter((f) => f.startsWith('codings/'))).toEqual([]);
    expect(r.outside).toEqual([]);
  });

  const deep = `${'<a>'.repeat(50_000)}${'</a>'.repeat(50_000)}`;
  const nested = spawnImport('nested', () => zipOf(project(`<TextSource guid="${G(2)}" name="d"><Description>${deep}</Description></TextSource>`)));
  test('XML nested too deep is refused with a message, not an internal error', () => {
    const r = importZip(nested);
    expectRefused(r, 'x.qdpx (project.qde): error: the XML nests elements more than 100 levels deep');
    expect(r.inside).toEqual([]);
  });
});

describe.runIf(BUILT)('qda import qdpx: text entries too large to read', () => {
  const twoGiB = spawnImport(
    'two-gib',
    () => zipOf(project(source('one', 'internal://one.txt')), { name: 'sources/one.txt', data: deflateRun(0x61, 2 * GiB), method: 8, size: 2 * GiB }),
    ['--max-entry-size', '1G', '--max-archive-size', '1G', '--max-ratio', '100000'],
  );
  test('a 2 GiB entry is refused by its declared size, whatever the limits are set to', () => {
    const r = importZip(twoGiB);
    expectRefused(r, 'x.qdpx (sources/one.txt): error: inflates to 2 GiB, above the limit of 1 GiB per entry (--max-entry-size)');
    expectLowPeak(r);
  });

  const fiveGiB = spawnImport('five-gib', () =>
    zipOf(project(source('one', 'internal://one.txt')), { name: 'sources/one.txt', data: deflateRun(0x61, 5 * GiB), method: 8, size: 5 * GiB }),
  );
  test('an entry above 4 GiB (zip64) is seen at its full size, not cut', () => {
    const r = importZip(fiveGiB);
    expectRefused(r, 'x.qdpx (sources/one.txt): error: inflates to 5 GiB, above the limit of 256 MiB per entry (--max-entry-size)');
    expectLowPeak(r);
  });
});

describe.runIf(BUILT)('qda import qdpx: a project.qde too large', () => {
  const size = 600 * 1024 * 1024;
  const largeQde = spawnImport('large-qde', () => forgeZip([{ name: 'project.qde', data: deflateRun(0x20, size), method: 8, size }]));
  test('a 600 MB project.qde is too large, with the limit, not "not UTF-8"', () => {
    const r = importZip(largeQde);
    expectRefused(r, 'x.qdpx (project.qde): error: inflates to 600 MiB, above the limit of 256 MiB per entry (--max-entry-size)');
    expect(r.stderr).not.toContain('UTF-8');
    expectLowPeak(r);
  });

  spawned.set('bare', (root) => {
    const work = join(root, 'bare');
    mkdirSync(work);
    writeFileSync(join(work, 'p.qde'), project('').padEnd(3000, ' '));
    return { work, argv: ['import', 'qdpx', 'p.qde', '--into', 'out', '--max-entry-size', '2K'] };
  });
  test('a bare .qde is held to the limit per entry', () => {
    const r = ran!.results.get('bare')!;
    expectRefused(r, 'p.qde: error: the file is 2.9 KiB, above the limit of 2 KiB per file (--max-entry-size)');
    expect(listFiles(ran!.folders.get('bare')!)).toEqual(['p.qde']);
  });
});

describe.runIf(BUILT)('the inputs themselves', () => {
  test('the 1.5 GB stream used above really inflates to what it claims (checked on a small one)', async () => {
    const { inflateSync } = await import('fflate');
    for (const n of [1, 258, 259, 70_000]) {
      const out = inflateSync(deflateRun(0x61, n));
      expect(out.length).toBe(n);
      expect(out.every((b) => b === 0x61)).toBe(true);
    }
  });
});
