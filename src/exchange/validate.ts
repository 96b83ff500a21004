/**
 * REFI-QDA XML checked against the schemas that ship with qda (schemas/refi-qda). The validator
 * (libxml2 compiled to WebAssembly) is loaded only when a check is asked for, so that commands
 * which never validate start as fast as before.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Folder of the bundled schemas, beside src/ and dist/ alike. */
export const SCHEMAS = fileURLToPath(new URL('../../schemas/refi-qda/', import.meta.url));

export type SchemaName = 'Project' | 'Codebook';

export interface SchemaProblem {
  /** 1-based line in the checked XML, when the validator gives one. */
  line?: number;
  message: string;
}

export async function validateRefi(xml: string, schema: SchemaName): Promise<SchemaProblem[]> {
  const { validateXML, memoryPages } = await import('xmllint-wasm');
  const xsd = readFileSync(`${SCHEMAS}${schema}-mrt2019.xsd`, 'utf8');
  const result = await validateXML({
    xml: [{ fileName: 'checked.xml', contents: xml }],
    schema: [{ fileName: `${schema}.xsd`, contents: xsd }],
    // The default ceiling (32 MiB) is too low for the export of a large corpus: the XML, its tree and
    // the schema all live in that memory.
    maxMemoryPages: memoryPages.GiB,
  });
  if (result.valid) return [];
  const problems = result.errors.map((e): SchemaProblem => {
    const problem: SchemaProblem = { message: e.message.trim() };
    if (e.loc?.lineNumber) problem.line = e.loc.lineNumber;
    return problem;
  });
  return problems.length > 0 ? problems : [{ message: result.rawOutput.trim() || 'the schema validator refused the file' }];
}
