/** `qda agree`: inter-coder agreement per code and overall. */
import { Option, type Command } from 'commander';
import type { AgreeLevel, AgreeUnit } from '../../agreement/coders.js';
import type { Metric } from '../../agreement/stats.js';
import { formatNames, getFormatter, type FormatName } from '../../formatters/index.js';
import { usage } from '../errors.js';
import type { Io } from '../io.js';
import { corpusOptions, examples, tableOutputOptions, type CorpusFlags } from '../options.js';

export interface AgreeFlags extends CorpusFlags {
  paths?: string[];
  unit: AgreeUnit;
  level: AgreeLevel;
  data?: string;
  metric: Metric;
  format: FormatName<'agreement'> & FormatName<'conflicts'>;
  out?: string;
  excel?: boolean;
  conflicts?: boolean;
}

export function registerAgree(program: Command, io: Io): Command {
  const command = program
    .command('agree')
    .description(
      "inter-coder agreement per code and overall: % agreement, Cohen's kappa, Krippendorff's alpha, Brennan–Prediger kappa, with the counts behind them",
    )
    .argument(
      '[coders...]',
      'two or more coders: names of files in codings/ (ana for codings/ana.csv), qda (the auto-coder), inline (comments in the transcripts)',
    )
    .option('--paths <paths...>', 'markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .addOption(
      new Option('--unit <unit>', 'segment: each segment is a unit; char: each character (NVivo’s coding comparison)')
        .choices(['segment', 'char'])
        .default('segment'),
    )
    .addOption(new Option('--level <level>', 'codes or clusters').choices(['code', 'cluster']).default('code'))
    .option('--conflicts', 'instead of the figures, list each paragraph and code where the coders decided differently, for a consensus meeting')
    .option('--data <file>', 'generic reliability data instead of codings: CSV in long form with columns unit, coder, value')
    .addOption(
      new Option('--metric <metric>', 'with --data: how values differ').choices(['nominal', 'ordinal', 'interval', 'ratio']).default('nominal'),
    );
  tableOutputOptions(corpusOptions(command, { selection: false, unit: false }), formatNames('agreement')).action(
    (coders: string[], flags: AgreeFlags) => agreeCommand(coders, flags, io),
  );
  return examples(command, [
    'qda agree ana bram',
    'qda agree ana bram qda --level cluster --format csv --excel > agreement.csv',
    'qda agree ana bram --unit char',
    'qda agree ana bram --conflicts',
    'qda agree ana bram --conflicts --format csv --out conflicts.csv',
    'qda agree --data ratings.csv --metric ordinal --format json',
  ]);
}

async function agreeCommand(coders: string[], flags: AgreeFlags, io: Io): Promise<void> {
  const [app, { openSession, reported }, { summaryLine, writeOutput }] = await Promise.all([
    import('../../app/agree.js'),
    import('../session.js'),
    import('../output.js'),
  ]);
  if (flags.data) {
    const result = reported(io, app.agreeOnData(flags.data, flags.metric, io.cwd));
    await writeOutput(io, flags.out, [(await getFormatter('agreement', flags.format))(result, { excel: flags.excel })]);
    summaryLine(
      io,
      flags.quiet,
      `alpha (${flags.metric}) = ${fmt(result.overall.alpha)} for ${result.report.coders.length} coders and ${result.units} units`,
    );
    return;
  }
  if (coders.length < 2)
    throw usage('name two or more coders', 'e.g. qda agree ana bram (files codings/ana.csv and codings/bram.csv), or qda for the auto-coder');
  // Anchors are paragraphs, so agreement is always measured on paragraphs; --unit here means segment or char.
  const session = await openSession(flags.paths ?? [], { ...flags, unit: 'paragraph' }, io, flags.out ? { output: flags.out } : {});
  const request = { coders, unit: flags.unit, level: flags.level };
  if (flags.conflicts) {
    const view = reported(io, app.agreeConflicts(session, request));
    await writeOutput(io, flags.out, [(await getFormatter('conflicts', flags.format))(view, { excel: flags.excel })]);
    const units = new Set(view.list.map((d) => `${d.document}\u0000${d.line}`)).size;
    summaryLine(
      io,
      flags.quiet,
      `${view.list.length} ${flags.level}s on ${units} paragraphs where ${view.coders.join(' and ')} differ` +
        (flags.format === 'csv' && flags.level === 'code' ? '; fill in the decision column, then: qda merge ... --resolutions FILE' : ''),
    );
    return;
  }
  const result = reported(io, app.agree(session, request));
  await writeOutput(io, flags.out, [(await getFormatter('agreement', flags.format))(result, { excel: flags.excel })]);
  summaryLine(
    io,
    flags.quiet,
    `agreement of ${coders.join(', ')} over ${result.units} ${flags.level}×${flags.unit} units; alpha overall ${fmt(result.overall.alpha)}`,
  );
}

function fmt(v: number | null): string {
  return v === null ? 'undefined' : v.toFixed(3);
}
