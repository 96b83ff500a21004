/** What an import cannot carry over, counted by reason with a few examples: never dropped silently. */

export interface LeftOutEntry {
  count: number;
  examples: string[];
}

export class LeftOut {
  readonly reasons = new Map<string, LeftOutEntry>();

  /** `n` things left out for `reason`; the first few examples are kept for the message. */
  add(reason: string, example?: string, n = 1): void {
    if (n <= 0) return;
    const entry = this.reasons.get(reason) ?? { count: 0, examples: [] };
    entry.count += n;
    if (example && entry.examples.length < 3) entry.examples.push(example);
    this.reasons.set(reason, entry);
  }
}

export type Leave = LeftOut['add'];
