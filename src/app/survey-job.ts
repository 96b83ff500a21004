/**
 * What `qda search` and `qda words` do with each document the survey reads, as plain data
 * (SurveyHooks.threads.job), made into hooks again in a worker thread (src/app/survey-worker.ts).
 */
import type { SurveyHooks } from '../corpus/pipeline.js';
import type { SearchJob } from './search.js';
import type { WordsJob } from './words.js';

export type SurveyJob = SearchJob | WordsJob;

/** The hooks of a job, and `take`: what they gathered since the last take, as plain data for the main thread to absorb. */
export interface JobHooks {
  hooks: SurveyHooks;
  take: () => unknown;
}

/** The module of a job's kind; a thread loads only the command it runs, and can load it before it has the job. */
export function loadJob(kind: string | undefined): Promise<unknown> {
  return kind === 'search' ? import('./search.js') : kind === 'words' ? import('./words.js') : Promise.resolve();
}

export async function jobHooks(job: SurveyJob): Promise<JobHooks> {
  return job.kind === 'search' ? (await import('./search.js')).searchJobHooks(job) : (await import('./words.js')).wordsJobHooks(job);
}
