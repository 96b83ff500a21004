/**
 * Options shared by the corpus commands, declared once, and their conversion from the raw strings
 * commander hands over into checked values (a bad value is a usage error, exit 2).
 */
import { Option, type Command } from 'commander';
import { UNITS } from '../ingest/units.js';
import { ENCODINGS } from '../io/decode.js';
import { LANGUAGES } from '../codebook/types.js';
import { parseWhere, type Filter } from '../select/filter.js';
import { usage } from './errors.js';
import { formatSize, MAX_FILE_SIZE } from '../corpus/size.js';
import { DEFAULT_SCORING } from '../scoring/decide.js';
import type { CorpusSettings } from '../app/settings.js';

export { scoringOptions, settingsOverrides } from '../app/settings.js';

export const collect = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
];
const repeat = (value: string, previous: string[] = []) => [...previous, value];

export interface CorpusFlags extends CorpusSettings {
  quiet?: boolean;
}

/** Help of --workers (src/cli/workers.ts). */
export const WORKERS_HELP =
  'worker threads that code the corpus (default: one per core, at most 4, with 4 cores or more and from 4 MB of transcripts; 0: none; or QDA_WORKERS)';

/** Help of --workers for `qda code`, whose threads pay from two cores (cli/workers.ts MIN_CORES_CODE). */
export const CODE_WORKERS_HELP =
  'worker threads that code the corpus (default: one per core, at most 4, with 2 cores or more and from 4 MB of transcripts; 0: none; or QDA_WORKERS)';

/** Help of --workers for the commands that read the corpus without coding it. */
export const SURVEY_WORKERS_HELP =
  'threads that read the corpus, the main one among them (default: one per core, at most 4, with 4 cores or more and from 4 MB of transcripts; 0 or 1: the main thread alone; or QDA_WORKERS)';

export interface FilterFlags {
  code?: string[];
  where?: string[];
  speaker?: string[];
}

/**
 * Options every corpus command takes; `selection: false` leaves out --manual-only and --coder, and
 * `unit: false` leaves out --unit for a command that gives --unit its own meaning.
 */
export function corpusOptions(command: Command, { selection = true, unit = true } = {}): Command {
  command.option('-c, --codebook <file>', 'codebook YAML, or the name of a shipped one (hall)');
  command.option('--model <file>', 'a model from qda learn: it decides the codes it learned, the codebook the rest');
  if (unit) command.addOption(new Option('-u, --unit <unit>', 'what gets codes').choices(UNITS as string[]));
  command
    .option('--encoding <name>', `encoding of the transcripts (${ENCODINGS.join(', ')})`)
    .addOption(new Option('--language <code>', 'language of documents that do not name one').choices(LANGUAGES as string[]))
    .option('--skip-speaker <names>', 'speaker labels or roles not to code, e.g. interviewer (repeatable, comma-separated)', collect)
    .option('--max-file-size <size>', `largest transcript read, e.g. 200MB (default ${formatSize(MAX_FILE_SIZE)})`, byteSize('--max-file-size'));
  scoringFlags(command);
  if (selection) {
    command
      .option('--manual-only', 'count only codes added by hand (inline or in codings/)')
      .option('--coder <name>', 'count only the codings of this coder (qda: the auto-coder; inline: <!-- qda: --> comments)');
  }
  return command.option('-q, --quiet', 'no summary line on stderr');
}

/** --redact KEY: outputs of the original project as they would be of its pseudonymised copy. */
export function redactOption(command: Command): Command {
  return command.option(
    '--redact <key>',
    'pseudonymise names and identifiers with the key of qda anonymise as the texts are read (docs/anonymise.md)',
  );
}

/** --threshold, --secondary and --code-all: how sure auto-coding must be. */
export function scoringFlags(command: Command): Command {
  return command
    .option('--threshold <score>', `lowest score (0-1) an auto code needs (default ${DEFAULT_SCORING.threshold})`, share('--threshold'))
    .option(
      '--secondary <share>',
      `share (0-1) of the leading cluster's score another cluster needs; 1 = leading cluster only (default ${DEFAULT_SCORING.secondary})`,
      share('--secondary'),
    )
    .option('--code-all', 'also auto-code segments that are not statements: titles, short list items, captions, contents, references');
}

export function filterOptions(command: Command): Command {
  return command
    .option('--code <ids>', 'only these codes; a cluster id stands for its codes (repeatable, comma-separated)', collect)
    .option('--where <key=value>', 'only documents whose attribute has one of these values, e.g. district=Crooswijk (repeatable)', repeat)
    .option('--speaker <names>', 'only segments of these speaker labels or roles (repeatable, comma-separated)', collect);
}

export function filterFrom(flags: FilterFlags): Filter {
  const where = parseWhere(flags.where ?? []);
  if ('error' in where) throw usage(where.error, 'for example --where district=Crooswijk');
  return { codes: flags.code ?? [], where: where.where, speakers: flags.speaker ?? [] };
}

export function nonNegativeInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw usage(`${name} must be a whole number of 0 or more, not "${value}"`);
    return n;
  };
}

/** A whole number of 1 or more (a usage error otherwise). */
export function positiveInt(name: string) {
  const whole = nonNegativeInt(name);
  return (value: string): number => {
    const n = whole(value);
    if (n === 0) throw usage(`${name} must be 1 or more, not "${value}"`);
    return n;
  };
}

/** A share between 0 and 1 (a usage error otherwise). */
export function share(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw usage(`${name} must be a share between 0 and 1, not "${value}"`);
    return n;
  };
}

/**
 * A size: a number of bytes, or with a unit — KB, MB, GB in powers of 1000 (`200MB`), K, M, G or
 * KiB, MiB, GiB in powers of 1024 (`256M`) — at least 1 and at most `max` (a usage error otherwise).
 */
export function byteSize(name: string, max = Infinity) {
  return (value: string): number => {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(?:([kmg])(ib|b)?|b)?\s*$/i.exec(value);
    const power = m?.[2] ? 'kmg'.indexOf(m[2].toLowerCase()) + 1 : 0;
    const base = m?.[3]?.toLowerCase() === 'b' ? 1000 : 1024;
    const n = m ? Math.round(Number(m[1]) * base ** power) : NaN;
    if (!Number.isFinite(n) || n < 1) throw usage(`${name} must be a size such as 200MB or 1G, not "${value}"`);
    if (n > max) throw usage(`${name} can be at most ${max / 1024 ** 3}G, not "${value}"`);
    return n;
  };
}

/** A number of 1 or more. */
export function atLeastOne(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n) || n < 1) throw usage(`${name} must be a number of 1 or more, not "${value}"`);
    return n;
  };
}

/** Help text: examples after the options. */
export function examples(command: Command, lines: string[]): Command {
  return command.addHelpText('after', `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
}

export type GridFormat = 'table' | 'csv' | 'md' | 'json';

/** --format (table by default; `formats` from the formatter registry), --out and --excel, for commands whose result is a table. */
export function tableOutputOptions(command: Command, formats: string[] = ['table', 'csv', 'md', 'json']): Command {
  return command
    .addOption(
      new Option('-f, --format <format>', 'table for reading, csv for spreadsheets and R, md for reports, json for scripts')
        .choices(formats)
        .default('table'),
    )
    .option('-o, --out <file>', 'write to this file instead of stdout')
    .option('--excel', 'CSV for Excel: BOM and ; as separator');
}
