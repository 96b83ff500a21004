/**
 * The REFI-QDA exchange model: what a project (.qde) or codebook (.qdc) holds, independent of qda's
 * own types. qde-write/qdc turn it into XML, qde-read/qdc read it back; from-qda and to-qda convert
 * between it and a qda project. Positions in selections are as the file states them; `readings.ts`
 * decides what unit they are in.
 */

export interface ExUser {
  guid: string;
  name: string;
}

export interface ExCode {
  guid: string;
  name: string;
  isCodable: boolean;
  color?: string;
  description?: string;
  /** Notes attached to the code (NoteRef). */
  notes: string[];
  children: ExCode[];
}

export interface ExVariable {
  guid: string;
  name: string;
  type: string;
}

export interface ExVariableValue {
  variable: string;
  value?: string;
}

export interface ExCoding {
  guid: string;
  code: string;
  user?: string;
}

export interface ExSelection {
  guid: string;
  name?: string;
  /** NaN when the file's value is not a whole number. */
  start: number;
  end: number;
  /** The positions as written, when one of them is not a whole number (for the message). */
  written?: string;
  user?: string;
  description?: string;
  codings: ExCoding[];
}

export interface ExTextSource {
  guid: string;
  name: string;
  /** `internal://…`, or a bare file name; absent when the text is inline. */
  plainTextPath?: string;
  /** Inline text (PlainTextContent). */
  content?: string;
  user?: string;
  description?: string;
  selections: ExSelection[];
  /** Codings of the whole source. */
  codings: ExCoding[];
  notes: string[];
  values: ExVariableValue[];
}

export interface ExNote {
  guid: string;
  name: string;
  plainTextPath?: string;
  content?: string;
  user?: string;
  description?: string;
}

export interface ExCase {
  guid: string;
  name?: string;
  values: ExVariableValue[];
  sources: string[];
}

export interface ExSet {
  guid: string;
  name: string;
  description?: string;
  codes: string[];
  sources: string[];
  notes: string[];
}

export interface ExProject {
  name: string;
  origin?: string;
  creatingUser?: string;
  description?: string;
  users: ExUser[];
  codes: ExCode[];
  variables: ExVariable[];
  cases: ExCase[];
  sources: ExTextSource[];
  notes: ExNote[];
  sets: ExSet[];
  /** What the reader met but cannot carry over, as counts by kind (e.g. `PDF source`). */
  skipped: Record<string, number>;
}

export interface ExCodebook {
  origin?: string;
  codes: ExCode[];
  sets: ExSet[];
}

/** Every code of a tree, parents before children. */
export function* allCodes(codes: ExCode[]): Generator<ExCode> {
  for (const code of codes) {
    yield code;
    yield* allCodes(code.children);
  }
}
