/**
 * What `qda search` and `qda words` do with each document the survey reads, as plain data
 * (SurveyHooks.threads.job), made into hooks again in a worker thread (src/app/survey-worker.ts).
 */
import type { SurveyHooks } from '../corpus/pipeline.js';
import type { SearchJob } from './search.js';
import type { WordsJob } from './words.js';

export type SurveyJob = SearchJob | WordsJob;

/** The hooks of a job, and what they gathered as plain data for the main thread to absorb; a thread loads only the command it runs. */
export async function jobHooks(job: SurveyJob): Promise<{ hooks: SurveyHooks; parts: () => unknown }> {
  return job.kind === 'search' ? (await import('./search.js')).searchJobHooks(job) : (await import('./words.js')).wordsJobHooks(job);
}
