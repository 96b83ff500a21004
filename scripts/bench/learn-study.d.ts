// Types of learn-study.js, for the tests that generate the study.
export const CODEBOOK: string;
export function writeStudy(
  dir: string,
  options?: { documents?: number; paragraphs?: number; coded?: number },
): { documents: number; paragraphs: number; coded: number; bytes: number };
