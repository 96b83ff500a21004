/**
 * ExProject → project.qde text, children in the order Project-mrt2019.xsd requires, no empty
 * wrappers, GUIDs and colours as the schema wants them. Pure: the caller zips it with the sources;
 * a large project is written in pieces (head, each source, tail) so that it is never one string.
 */
import { attrs, XML_DECLARATION, xmlText } from './xml.js';
import type { ExCode, ExCoding, ExNote, ExProject, ExSelection, ExSet, ExTextSource, ExVariableValue } from './model.js';

export const PROJECT_NS = 'urn:QDA-XML:project:1.0';
const SCHEMA_LOCATION = `${PROJECT_NS} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd`;

export function writeQde(project: ExProject): string {
  const hasSources = project.sources.length > 0;
  return `${qdeHead(project, hasSources)}${project.sources.map(qdeSource).join('')}${qdeTail(project, hasSources)}`;
}

/**
 * What comes before the sources: the root element, users, codebook, variables, cases, and the
 * opening <Sources> when there are any. With qdeSource and qdeTail the document can be written a
 * source at a time (`project.sources` is not read here).
 */
export function qdeHead(project: Omit<ExProject, 'sources'>, hasSources: boolean): string {
  const out: string[] = [XML_DECLARATION];
  out.push(
    `<Project xmlns="${PROJECT_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${SCHEMA_LOCATION}"${attrs([
      ['name', project.name],
      ['origin', project.origin],
      ['creatingUserGUID', project.creatingUser],
    ])}>\n`,
  );
  if (project.users.length > 0) {
    out.push('  <Users>\n');
    for (const u of project.users)
      out.push(
        `    <User${attrs([
          ['guid', u.guid],
          ['name', u.name],
        ])}/>\n`,
      );
    out.push('  </Users>\n');
  }
  if (project.codes.length > 0) {
    out.push('  <CodeBook>\n    <Codes>\n');
    for (const code of project.codes) writeCode(code, '      ', out, true);
    out.push('    </Codes>\n  </CodeBook>\n');
  }
  if (project.variables.length > 0) {
    out.push('  <Variables>\n');
    for (const v of project.variables)
      out.push(
        `    <Variable${attrs([
          ['guid', v.guid],
          ['name', v.name],
          ['typeOfVariable', v.type],
        ])}/>\n`,
      );
    out.push('  </Variables>\n');
  }
  if (project.cases.length > 0) {
    out.push('  <Cases>\n');
    for (const c of project.cases) {
      out.push(
        `    <Case${attrs([
          ['guid', c.guid],
          ['name', c.name],
        ])}>\n`,
      );
      for (const v of c.values) writeValue(v, '      ', out);
      for (const s of c.sources) out.push(`      <SourceRef targetGUID="${s}"/>\n`);
      out.push('    </Case>\n');
    }
    out.push('  </Cases>\n');
  }
  if (hasSources) out.push('  <Sources>\n');
  return out.join('');
}

/** One <TextSource> with its selections, codings and values. */
export function qdeSource(source: ExTextSource): string {
  const out: string[] = [];
  writeSource(source, out);
  return out.join('');
}

/** What comes after the sources: the closing </Sources>, notes, sets, the description, the end of the root. */
export function qdeTail(project: Omit<ExProject, 'sources'>, hasSources: boolean): string {
  const out: string[] = [];
  if (hasSources) out.push('  </Sources>\n');
  if (project.notes.length > 0) {
    out.push('  <Notes>\n');
    for (const note of project.notes) writeNote(note, out);
    out.push('  </Notes>\n');
  }
  writeSets(project.sets, out, false);
  if (project.description) out.push(`  <Description>${xmlText(project.description)}</Description>\n`);
  out.push('</Project>\n');
  return out.join('');
}

/**
 * The <Sets> of a project or a codebook. An empty <Sets/> is invalid (Taguette writes one), so without
 * sets the wrapper is left out. A codebook's sets (Codebook.xsd) name their codes by `guid` and hold
 * codes only; a project's (Project.xsd) use `targetGUID` and may hold sources and notes too.
 */
export function writeSets(sets: ExSet[], out: string[], codebook: boolean): void {
  if (sets.length === 0) return;
  const ref = codebook ? 'guid' : 'targetGUID';
  out.push('  <Sets>\n');
  for (const set of sets) {
    out.push(
      `    <Set${attrs([
        ['guid', set.guid],
        ['name', set.name],
      ])}>\n`,
    );
    if (set.description) out.push(`      <Description>${xmlText(set.description)}</Description>\n`);
    for (const g of set.codes) out.push(`      <MemberCode ${ref}="${g}"/>\n`);
    if (!codebook) {
      for (const g of set.sources) out.push(`      <MemberSource targetGUID="${g}"/>\n`);
      for (const g of set.notes) out.push(`      <MemberNote targetGUID="${g}"/>\n`);
    }
    out.push('    </Set>\n');
  }
  out.push('  </Sets>\n');
}

/** A code and its children; `noteRefs` is false in a codebook (.qdc), whose schema has no NoteRef. */
export function writeCode(code: ExCode, indent: string, out: string[], noteRefs: boolean): void {
  const head = `${indent}<Code${attrs([
    ['guid', code.guid],
    ['name', code.name],
    ['isCodable', code.isCodable],
    ['color', code.color],
  ])}`;
  const notes = noteRefs ? code.notes : [];
  if (!code.description && notes.length === 0 && code.children.length === 0) {
    out.push(`${head}/>\n`);
    return;
  }
  out.push(`${head}>\n`);
  if (code.description) out.push(`${indent}  <Description>${xmlText(code.description)}</Description>\n`);
  for (const n of notes) out.push(`${indent}  <NoteRef targetGUID="${n}"/>\n`);
  for (const child of code.children) writeCode(child, `${indent}  `, out, noteRefs);
  out.push(`${indent}</Code>\n`);
}

function writeSource(source: ExTextSource, out: string[]): void {
  out.push(
    `    <TextSource${attrs([
      ['guid', source.guid],
      ['name', source.name],
      ['plainTextPath', source.plainTextPath],
      ['creatingUser', source.user],
    ])}>\n`,
  );
  if (source.description) out.push(`      <Description>${xmlText(source.description)}</Description>\n`);
  if (source.content !== undefined && source.plainTextPath === undefined)
    out.push(`      <PlainTextContent>${xmlText(source.content)}</PlainTextContent>\n`);
  for (const s of source.selections) writeSelection(s, out);
  for (const c of source.codings) writeCoding(c, '      ', out);
  for (const n of source.notes) out.push(`      <NoteRef targetGUID="${n}"/>\n`);
  for (const v of source.values) writeValue(v, '      ', out);
  out.push('    </TextSource>\n');
}

function writeSelection(s: ExSelection, out: string[]): void {
  out.push(
    `      <PlainTextSelection${attrs([
      ['guid', s.guid],
      ['name', s.name],
      ['startPosition', s.start],
      ['endPosition', s.end],
      ['creatingUser', s.user],
    ])}>\n`,
  );
  if (s.description) out.push(`        <Description>${xmlText(s.description)}</Description>\n`);
  for (const c of s.codings) writeCoding(c, '        ', out);
  out.push('      </PlainTextSelection>\n');
}

function writeCoding(c: ExCoding, indent: string, out: string[]): void {
  out.push(
    `${indent}<Coding${attrs([
      ['guid', c.guid],
      ['creatingUser', c.user],
    ])}>\n${indent}  <CodeRef targetGUID="${c.code}"/>\n${indent}</Coding>\n`,
  );
}

function writeValue(v: ExVariableValue, indent: string, out: string[]): void {
  out.push(`${indent}<VariableValue>\n${indent}  <VariableRef targetGUID="${v.variable}"/>\n`);
  if (v.value !== undefined) out.push(`${indent}  <TextValue>${xmlText(v.value)}</TextValue>\n`);
  out.push(`${indent}</VariableValue>\n`);
}

function writeNote(note: ExNote, out: string[]): void {
  out.push(
    `    <Note${attrs([
      ['guid', note.guid],
      ['name', note.name],
      ['plainTextPath', note.plainTextPath],
      ['creatingUser', note.user],
    ])}>\n`,
  );
  if (note.description) out.push(`      <Description>${xmlText(note.description)}</Description>\n`);
  if (note.content !== undefined && note.plainTextPath === undefined)
    out.push(`      <PlainTextContent>${xmlText(note.content)}</PlainTextContent>\n`);
  out.push('    </Note>\n');
}
