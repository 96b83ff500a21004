/**
 * Is a model still about this corpus and codebook? It is stale when the codebook's codes or terms
 * changed since training, when paragraphs it learned from were edited or removed, or when people's
 * decisions changed or grew since. Each is a warning on the model file: the model still works, but
 * `qda learn` again would teach it what people decided since.
 */
import type { Code, Codebook } from '../codebook/types.js';
import { loadDocument } from '../corpus/load.js';
import { encodingOf, rowsFor, type CorpusOptions } from '../corpus/pipeline.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { segmentDocument, type Document, type Segment } from '../ingest/document.js';
import { anchorsOf } from '../manual/apply.js';
import { reviewedSegments, type Reviewed } from './examples.js';
import { codebookHash, type Model } from './model.js';

export interface CorpusNow {
  /** Paragraph anchors per document id, of the documents the model learned from. */
  anchors: Map<string, Set<string>>;
  /** What the model's coders have decided now. */
  reviewed: Reviewed[];
}

/**
 * The anchors of the documents the model learned from, and the reviewed paragraphs of the corpus as
 * it is, gathered document by document as the survey reads them (SurveyHooks.each), so that no
 * document is read a second time for them. Only the trained documents' paragraphs are hashed:
 * hashing every paragraph of a large corpus cost as much as predicting.
 */
export class CorpusNowCollector {
  readonly now: CorpusNow = { anchors: new Map(), reviewed: [] };
  private readonly trained: Set<string>;

  constructor(
    private readonly model: Model,
    private readonly options: CorpusOptions,
    private readonly codes: Map<string, Code>,
  ) {
    this.trained = new Set(model.training.paragraphs.map((p) => p.document));
  }

  add(document: Document, segments: Segment[]): void {
    if (this.trained.has(document.id)) this.now.anchors.set(document.id, new Set(anchorsOf(document.text, segments).keys()));
    const reviewed = reviewedSegments(document, segments, rowsFor(this.options, document.id), this.model.training.coders, this.codes);
    for (const r of reviewed) this.now.reviewed.push(r);
  }
}

/** The same, for files read here (or taken from those the survey kept). */
export function corpusNow(files: string[], options: CorpusOptions, codes: Map<string, Code>, model: Model): CorpusNow {
  const collector = new CorpusNowCollector(model, options, codes);
  for (const path of files) {
    const known = options.parsed?.get(path);
    const document = known?.document ?? loadDocument(path, options.read(path), encodingOf(options, path), options.redact).document;
    if (!document) continue;
    collector.add(document, known?.segments ?? segmentDocument(document, options.unit));
  }
  return collector.now;
}

export function staleness(model: Model, path: string, codebook: Codebook, now: CorpusNow): Diagnostic[] {
  const out: Diagnostic[] = [];
  const again = 'run qda learn again to train on the current codings';
  const warn = (rule: string, message: string) => out.push(diagnostic('warning', path, rule, message, undefined, again));
  if (model.codebook.hash !== codebookHash(codebook)) {
    warn('model/codebook-changed', `the codebook's codes or terms have changed since this model was trained (on ${model.codebook.name})`);
  }
  const unknown = model.models.filter((m) => !codebook.codes.some((c) => c.id === m.code)).map((m) => m.code);
  if (unknown.length > 0) warn('model/unknown-codes', `the model knows codes the codebook no longer has, which are not used: ${unknown.join(', ')}`);

  const current = new Map(now.reviewed.map((r) => [`${r.document}\u0000${r.anchor}`, r.codes.join(',')]));
  const gone = model.training.paragraphs.filter((p) => !now.anchors.get(p.document)?.has(p.anchor));
  if (gone.length > 0) {
    const first = gone[0];
    warn(
      'model/paragraphs-changed',
      `${gone.length} of the ${model.training.paragraphs.length} paragraphs the model learned from have changed or are gone (first: ${first.anchor} of ${first.document})`,
    );
  }
  const trained = new Map(model.training.paragraphs.map((p) => [`${p.document}\u0000${p.anchor}`, p.codes.join(',')]));
  let changed = 0;
  for (const [key, codes] of trained) if (current.has(key) && current.get(key) !== codes) changed++;
  const added = [...current.keys()].filter((key) => !trained.has(key)).length;
  if (changed > 0 || added > 0) {
    const paragraphs = (n: number) => `${n} paragraph${n === 1 ? '' : 's'}`;
    const parts = [changed > 0 ? `${paragraphs(changed)} coded differently` : '', added > 0 ? `${paragraphs(added)} newly coded` : ''].filter(
      Boolean,
    );
    warn('model/codings-changed', `people's codings have changed since the model was trained: ${parts.join(', ')}`);
  }
  return out;
}
