/** `qda anonymise`: a pseudonymised copy of the project for sharing, with the key kept apart. */
import type { Command } from 'commander';
import type { Io } from '../io.js';
import { examples, type CorpusFlags } from '../options.js';

export interface AnonymiseFlags extends CorpusFlags {
  out?: string;
  key?: string;
  dryRun?: boolean;
  reverse?: boolean;
}

export function registerAnonymise(program: Command, io: Io): Command {
  const command = program
    .command('anonymise')
    .alias('anonymize')
    .description(
      'a pseudonymised copy of the project: names, e-mail addresses, phone numbers, postcodes, BSNs and addresses replaced by [Persoon 1], [e-mail 1], ...; codings carried over; the key (original → pseudonym) written apart',
    )
    .argument('[paths...]', 'a project folder, or markdown files, folders or globs (default: the corpus of qda.yaml, or this folder)')
    .option('-o, --out <dir>', 'the folder for the copy: new, empty, or an earlier copy made by qda anonymise; never inside the project')
    .option('-k, --key <file>', 'the key file (CSV); an existing key is kept and extended, so names keep their pseudonyms')
    .option('--dry-run', 'show what would change, line by line, and write nothing')
    .option('--reverse', 'restore: turn a pseudonymised copy back into the original with its key')
    .option('-c, --codebook <file>', 'codebook YAML, or the name of a shipped one (hall); copied, not changed')
    .option('--encoding <name>', 'encoding of the transcripts; the copy keeps each file in its own encoding')
    .option('-q, --quiet', 'no summary line on stderr');
  command.action((paths: string[], flags: AnonymiseFlags) => anonymiseCommand(paths, flags, io));
  return examples(command, [
    'qda anonymise my-study --out my-study-shared --key ~/private/my-study-key.csv',
    'qda anonymise my-study --dry-run | less',
    'qda anonymise my-study-shared --reverse --key ~/private/my-study-key.csv --out my-study-restored',
  ]);
}

async function anonymiseCommand(paths: string[], flags: AnonymiseFlags, io: Io): Promise<void> {
  const [
    { anonymise, anonymiseOpenOptions, checkAnonymiseRequest },
    { openSession, reported },
    { count, summaryLine },
    { fileDiff, keyListing },
    { KINDS },
    { displayPath },
    { ProblemsReported },
    { TreeWriter },
    { AtomicFile, resolvePath },
    { whole },
  ] = await Promise.all([
    import('../../app/anonymise.js'),
    import('../session.js'),
    import('../output.js'),
    import('../../formatters/anonymise-diff.js'),
    import('../../anonymise/kinds.js'),
    import('../../corpus/project.js'),
    import('../errors.js'),
    import('../../io/write-tree.js'),
    import('../../io/write.js'),
    import('../../io/unfinished.js'),
  ]);
  const request = { out: flags.out, key: flags.key, dryRun: flags.dryRun, reverse: flags.reverse };
  checkAnonymiseRequest(request, io.cwd);
  const session = await openSession(paths, flags, io, anonymiseOpenOptions(request));
  const label = flags.reverse ? 'restored' : 'pseudonymised';
  const preview = (f: { source: string; before: string; after: string }) => io.stdout.write(fileDiff(f.source, f.before, f.after, label));
  // The copy and the key are put in place together, as one step for Ctrl-C (io/unfinished.ts).
  let copy: InstanceType<typeof TreeWriter> | undefined;
  let key: InstanceType<typeof AtomicFile> | undefined;
  const commits: (() => void)[] = [];
  const writers = {
    preview,
    copy: () => {
      const tree = (copy = new TreeWriter(resolvePath(io.cwd, flags.out!)));
      return {
        add: (path: string, bytes: Uint8Array | string) => tree.add(path, bytes),
        commit: () => commits.push(() => tree.commit()),
        abort: () => tree.abort(),
      };
    },
    key: () => {
      const file = (key = new AtomicFile(resolvePath(io.cwd, flags.key!)));
      return { add: (text: string) => file.write(text), commit: () => commits.push(() => file.commit()), abort: () => file.abort() };
    },
  };
  let result;
  try {
    result = reported(io, anonymise(session, request, writers));
    whole(() => {
      for (const commit of commits) commit();
    });
  } catch (error) {
    copy?.abort();
    key?.abort();
    if (error instanceof ProblemsReported) io.stderr.write('nothing was written\n');
    throw error;
  }
  const { entries, existing, written, changed } = result;
  if (flags.dryRun) {
    if (!flags.reverse) io.stdout.write(keyListing(entries.slice(existing)));
    summaryLine(io, flags.quiet, `dry run: ${count(changed, 'file')} would change; nothing was written`);
    return;
  }
  const out = displayPath(flags.out!, io.cwd);
  const kinds = KINDS.map((k) => [k, entries.filter((e) => e.kind === k).length] as const).filter(([, n]) => n > 0);
  const found = kinds.map(([k, n]) => `${n} ${k}`).join(', ');
  summaryLine(
    io,
    flags.quiet,
    flags.reverse
      ? `restored ${count(written, 'file')} (${changed} changed) into ${out}/`
      : `pseudonymised ${count(written, 'file')} (${changed} changed) into ${out}/; key: ${count(entries.length, 'identifier')}${found ? ` (${found})` : ''}, ${entries.length - existing} new, in ${flags.key} — keep it apart from the copy`,
  );
}
