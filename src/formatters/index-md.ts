/** The index of an analysis folder: what was analysed and what each file holds. */

export interface OutputFile {
  name: string;
  about: string;
}

export interface AnalysisSummary {
  codebook: string;
  documents: number;
  segments: number;
  coded: number;
  codings: number;
  files: OutputFile[];
}

export function analyseIndex(s: AnalysisSummary): string {
  const rows = s.files.map((f) => `| [${f.name}](${f.name}) | ${f.about} |`).join('\n');
  return `# Analysis

${s.documents} documents, ${s.segments} segments, of which ${s.coded} carry at least one code; ${s.codings} codings with the codebook "${s.codebook}".

| file | what it holds |
|---|---|
${rows}
`;
}
