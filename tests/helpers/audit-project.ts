// A codebook with wildcard terms and one interview where they match words they were not meant for.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp.js';

export const BOOK = `name: audit test
language: nl
codes:
  - id: people
    label: People
    children:
      - id: people.roles
        label: Roles
        terms: ["rol*", regie]
      - id: people.skills
        label: Skills
        terms: ["*vaardigheid", "samenwerk*"]
`;

export function auditProject(): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'corpus'));
  writeFileSync(join(dir, 'book.yaml'), BOOK);
  writeFileSync(join(dir, 'qda.yaml'), 'codebook: book.yaml\n');
  const paragraphs = [
    'De samenwerking met school gaat goed.',
    'Zij zit in een rolstoel en kan de trap niet op.',
    'Over de rolstoel is met de gemeente gebeld.',
    'Wie heeft de regie? Niemand pakt die rol.',
    'We hebben het weer gehad over de samenwerking.',
    'Het weer was mooi.',
  ];
  writeFileSync(join(dir, 'corpus', 'a.md'), `---\ndistrict: Noord\n---\n\n${paragraphs.join('\n\n')}\n`);
  return dir;
}
