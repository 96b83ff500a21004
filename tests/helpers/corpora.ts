/**
 * Small fictional corpora that the library tests (tests/app) and the command-line tests (tests/cli)
 * both use, so that the two sides are checked on the same text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openCorpus, type OpenedCorpus } from '../../src/index.js';

export const SMALL_BOOK = join(process.cwd(), 'tests/fixtures/small-codebook.yaml');

const withDistrict = (district: string, body: string) => `---\ndistrict: ${district}\n---\n\n${body}\n`;

/** Noord: 10 words, wijkteam 3 times. Zuid: 20 words in two documents, wijkteam once. */
export const WORDS_TINY = {
  'noord.md': withDistrict('Noord', 'Wijkteam wijkteam wijkteam appel peer kers pruim druif meloen banaan.'),
  'zuid-1.md': withDistrict('Zuid', 'Het wijkteam met tafel, stoel, kast, lamp, deur, raam, muur, vloer en plafond.'),
  'zuid-2.md': withDistrict('Zuid', 'Fiets auto trein tram bus boot vliegtuig scooter step kar.'),
};

const interview = (district: string, body: string) => `---\ndistrict: ${district}\nspeakers: { I: interviewer, R: kindcoach }\n---\n\n${body}\n`;

/** Two districts' interviews about the wijkteam; the interviewer's turns are skipped. */
export const SEARCH_CORPUS = {
  'qda.yaml': 'corpus: [corpus]\nskipSpeakers: [interviewer]\n',
  'corpus/c.md': interview(
    'Crooswijk',
    '**I:** Hoe gaat het met het wijkteam?\n\n**R:** Met het wijkteam hebben we korte lijnen.\n\n**R:** De wijkteammedewerker belt de school.',
  ),
  'corpus/h.md': interview('Hillesluis', '**R:** Het wijkteam ken ik niet.\n\n**R:** Vertrouwen moet groeien, ook met het buurtteam.'),
};

/** The analysis fixture, whose expected outputs are the golden files. */
export const ANALYSIS_FIXTURE = 'tests/fixtures/analysis';
export const golden = (name: string): string => readFileSync(join(ANALYSIS_FIXTURE, 'expected', name), 'utf8');

export function openAnalysisFixture(): OpenedCorpus {
  const outcome = openCorpus([ANALYSIS_FIXTURE], {}, process.cwd());
  expect(outcome.diagnostics).toEqual([]);
  return outcome.result!;
}
