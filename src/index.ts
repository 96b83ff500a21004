/**
 * qda as a library: the functions the command line uses, for scripts and notebooks.
 */
export { LineIndex, type Point, type Range } from './position/line-index.js';
export type { Diagnostic, Severity } from './diagnostics/diagnostic.js';
export { decode } from './io/decode.js';
export { readDocument, segmentDocument, type Document, type Segment, type Unit, type AttributeValue } from './ingest/document.js';
export { parseCodebook } from './codebook/load.js';
export { compileCodebook, type CompiledCodebook } from './codebook/compile.js';
export type { Code, Codebook, Language } from './codebook/types.js';
export { autoCode } from './coding/auto-code.js';
export type { Coding, Evidence } from './coding/coding.js';
export { surveyCorpus, codeCorpus, type CodedDocument, type CorpusOptions } from './corpus/pipeline.js';
export { collectExcerpts, type Excerpt, type ExcerptGroup } from './excerpts/collect.js';
export { evaluate, type Evaluation, type LabelledItem } from './evaluate/evaluate.js';
export { run } from './cli/run.js';
