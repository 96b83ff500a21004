/**
 * Coders of an imported project: one per user, with a file-safe name. `qda` and `inline` name qda's
 * own coders (the auto-coder and transcript comments), so an imported user of that name becomes a
 * coder of its own; codings by no known user go to `imported`.
 */
import { slug, unique } from '../codes.js';
import type { ExUser } from '../model.js';

/** The coder of a user GUID (undefined or unknown: the coder `imported`). */
export type CoderOf = (guid: string | undefined) => string;

export function coderNames(users: ExUser[]): CoderOf {
  const taken = new Set<string>(['qda', 'inline']);
  const coders = new Map<string, string>();
  const own = (name: string) => (name === 'qda' ? 'qda-auto' : name === 'inline' ? 'inline-imported' : name);
  for (const u of users) if (!coders.has(u.guid)) coders.set(u.guid, unique(own(slug(u.name, 40) || 'user'), taken));
  return (guid) => {
    if (guid && coders.has(guid)) return coders.get(guid)!;
    const name = coders.get('') ?? unique('imported', taken);
    coders.set('', name);
    return name;
  };
}
