/**
 * The settings a command lays over qda.yaml, and how they combine with it. Kept apart from opening
 * the corpus so that declaring options loads nothing of the pipeline.
 */
import { closest } from '../codebook/suggest.js';
import type { Settings } from '../corpus/settings.js';
import type { Unit } from '../ingest/units.js';
import { ENCODING_NAMES, ENCODINGS, normaliseEncoding } from '../io/decode.js';
import { DEFAULT_SCORING, type ScoringOptions } from '../scoring/decide.js';
import { usage } from './errors.js';

/** The settings a command may lay over qda.yaml, as the command line's flags give them. */
export interface CorpusSettings {
  codebook?: string;
  model?: string;
  unit?: string;
  encoding?: string;
  language?: string;
  skipSpeaker?: string[];
  manualOnly?: boolean;
  coder?: string;
  threshold?: number;
  secondary?: number;
  codeAll?: boolean;
  /** A key of qda anonymise to pseudonymise the texts with as they are read. */
  redact?: string;
  /** The largest transcript read, in bytes (--max-file-size). */
  maxFileSize?: number;
}

/** Scoring options: the flags, else qda.yaml, else the codebook, else the defaults. */
export function scoringOptions(flags: CorpusSettings, settings: Partial<Settings>, codebook?: { threshold?: number }): ScoringOptions {
  return {
    threshold: flags.threshold ?? settings.threshold ?? codebook?.threshold ?? DEFAULT_SCORING.threshold,
    secondary: flags.secondary ?? settings.secondary ?? DEFAULT_SCORING.secondary,
    codeAll: flags.codeAll ?? DEFAULT_SCORING.codeAll,
  };
}

/** Flags as settings that override qda.yaml. */
export function settingsOverrides(flags: CorpusSettings): Partial<Settings> {
  const overrides: Partial<Settings> = {};
  if (flags.codebook) overrides.codebook = flags.codebook;
  if (flags.model) overrides.model = flags.model;
  if (flags.unit) overrides.unit = flags.unit as Unit;
  if (flags.language) overrides.language = flags.language;
  if (flags.skipSpeaker) overrides.skipSpeakers = flags.skipSpeaker;
  if (flags.encoding) {
    if (!normaliseEncoding(flags.encoding)) {
      const guess = closest(flags.encoding, ENCODING_NAMES);
      const mean = guess ? `; did you mean ${normaliseEncoding(guess)}?` : '';
      throw usage(`unknown encoding "${flags.encoding}"${mean}`, `use one of: ${ENCODINGS.join(', ')}`);
    }
    overrides.encoding = flags.encoding;
  }
  return overrides;
}
