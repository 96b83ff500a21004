/**
 * Inter-coder agreement figures from reliability data: units (segments, characters, items) by coders,
 * each cell a value or nothing. Gives percent agreement, Krippendorff's alpha (nominal, ordinal,
 * interval, ratio), Cohen's kappa and Brennan–Prediger's kappa, plus the counts behind them so a
 * report can show its working. Pure: no files, no codings; `qda agree` turns codings into units.
 *
 * Alpha follows the coincidence-matrix formulation in Krippendorff, "Computing Krippendorff's
 * Alpha-Reliability" (2011): alpha = 1 - D_o / D_e over the pairable values, i.e. the values in units
 * that hold at least two of them.
 */

/** One unit (a segment, a character, an item) and the value each coder gave it; undefined = coder did not see the unit. */
export interface UnitValues {
  values: (number | string | undefined)[];
  /** How many identical units this stands for (default 1), so char-level data can be passed as counts. */
  weight?: number;
}

export type Metric = 'nominal' | 'ordinal' | 'interval' | 'ratio';

export interface Agreement {
  coders: number;
  /** Units with at least two values (pairable), weighted. */
  units: number;
  /** Share of pairable units on which all present coders agree (0..1); 0 when there are none. */
  percent: number;
  /** Krippendorff's alpha with the metric; null when undefined (no pairable units, or no variation: expected disagreement 0). */
  alpha: number | null;
  /** Cohen's kappa: only for exactly two coders and nominal data, over units both coded; null otherwise or when undefined. */
  kappa: number | null;
  /**
   * (po - 1/q)/(1 - 1/q) for two or more coders with q categories (q from options, default: number of
   * distinct pairable values, at least 2); po = mean pairwise agreement over pairable units.
   */
  brennanPrediger: number | null;
  /**
   * The numbers behind the figures, all weighted: `pairable` (pairable values, Krippendorff's n),
   * `observedDisagreement` and `expectedDisagreement` (D_o and D_e with the metric; 0 when there is
   * nothing to pair); for two coders whose values are all 0 or 1 also `both`, `firstOnly`,
   * `secondOnly` and `neither` over the units both coded.
   */
  counts: Record<string, number>;
}

export interface AgreementOptions {
  metric?: Metric;
  /** q for Brennan–Prediger: how many categories the coders could choose from. */
  categories?: number;
}

/** A pairable unit reduced to what every figure needs: how many times each category occurs in it. */
interface PairableUnit {
  weight: number;
  /** Values present (m_u). */
  size: number;
  /** Category key → occurrences in this unit. */
  tally: Map<string, number>;
}

/**
 * Agreement figures for reliability data. Values compare by their text, so 1 and '1' are one
 * category; ordinal, interval and ratio need finite numbers (ratio: not negative), and anything else
 * is a programming error that throws a TypeError, as do a negative weight or an impossible q.
 */
export function agreement(units: UnitValues[], options: AgreementOptions = {}): Agreement {
  const metric = options.metric ?? 'nominal';
  if (!METRICS.includes(metric)) throw new TypeError(`unknown metric ${JSON.stringify(metric)}`);
  const coders = units.reduce((max, u) => Math.max(max, u.values.length), 0);

  // Category key → its numeric value (for the metric); only values in pairable units take part.
  const categories = new Map<string, number>();
  const pairable: PairableUnit[] = [];
  for (const unit of units) {
    const weight = unit.weight ?? 1;
    if (!Number.isFinite(weight) || weight < 0) throw new TypeError(`a unit's weight must be a finite number ≥ 0, not ${weight}`);
    const present = unit.values.filter((v): v is number | string => v !== undefined);
    // Every value is checked, paired or not, so bad data fails the same way wherever it sits.
    const numbers = present.map((v) => numericValue(v, metric));
    if (present.length < 2 || weight === 0) continue;
    const tally = new Map<string, number>();
    present.forEach((value, i) => {
      const key = String(value);
      if (!categories.has(key)) categories.set(key, numbers[i]);
      tally.set(key, (tally.get(key) ?? 0) + 1);
    });
    pairable.push({ weight, size: present.length, tally });
  }

  const pairableUnits = sum(pairable.map((u) => u.weight));
  const agreed = sum(pairable.filter((u) => u.tally.size === 1).map((u) => u.weight));
  const alpha = krippendorff(pairable, categories, metric);
  const counts: Record<string, number> = {};
  const binary = coders === 2 ? binaryTable(units) : undefined;
  if (binary) Object.assign(counts, binary);
  Object.assign(counts, {
    pairable: alpha.pairableValues,
    observedDisagreement: alpha.observed,
    expectedDisagreement: alpha.expected,
  });

  return {
    coders,
    units: pairableUnits,
    percent: pairableUnits === 0 ? 0 : agreed / pairableUnits,
    alpha: alpha.alpha,
    kappa: coders === 2 && metric === 'nominal' ? cohen(units) : null,
    brennanPrediger: brennanPrediger(pairable, pairableUnits, chanceCategories(options.categories, categories.size)),
    counts,
  };
}

const METRICS: readonly Metric[] = ['nominal', 'ordinal', 'interval', 'ratio'];

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

/** The number a value stands for under the metric; nominal values need none (NaN is never read). */
function numericValue(value: number | string, metric: Metric): number {
  if (metric === 'nominal') return NaN;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`${metric} data must be finite numbers, not ${JSON.stringify(value)}`);
  }
  if (metric === 'ratio' && value < 0) throw new TypeError(`ratio data cannot be negative (${value})`);
  return value;
}

interface AlphaParts {
  alpha: number | null;
  pairableValues: number;
  observed: number;
  expected: number;
}

/**
 * Krippendorff's alpha. Each unit adds its ordered pairs of values to the coincidence matrix o_ck,
 * each pair weighted 1/(m_u - 1) so that a unit contributes exactly m_u values whatever its size.
 * Working from per-unit tallies rather than from value pairs keeps a unit's cost at (categories in it)².
 */
function krippendorff(units: PairableUnit[], categories: Map<string, number>, metric: Metric): AlphaParts {
  const keys = [...categories.keys()];
  const index = new Map(keys.map((k, i) => [k, i]));
  const size = keys.length;
  const o: number[][] = keys.map(() => new Array<number>(size).fill(0));
  for (const unit of units) {
    const scale = unit.weight / (unit.size - 1);
    for (const [c, nc] of unit.tally) {
      for (const [k, nk] of unit.tally) {
        // A value never pairs with itself: n_uc·(n_uc − 1) pairs within a category, n_uc·n_uk across.
        o[index.get(c)!][index.get(k)!] += scale * (c === k ? nc * (nc - 1) : nc * nk);
      }
    }
  }
  const marginals = o.map((row) => sum(row));
  const n = sum(marginals);
  if (n <= 1) return { alpha: null, pairableValues: n, observed: 0, expected: 0 };

  const delta = distance(
    metric,
    keys.map((k) => categories.get(k)!),
    marginals,
  );
  let observedSum = 0;
  let expectedSum = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      if (c === k) continue; // δ²_cc = 0 under every metric
      const d = delta(c, k);
      observedSum += o[c][k] * d;
      expectedSum += marginals[c] * marginals[k] * d;
    }
  }
  const observed = observedSum / n;
  const expected = expectedSum / (n * (n - 1));
  // No variation among the pairable values: there is nothing chance could get wrong, so alpha says nothing.
  return { alpha: expected === 0 ? null : 1 - observed / expected, pairableValues: n, observed, expected };
}

/** δ²(c, k) between categories by index, given each category's number and marginal n_c. */
function distance(metric: Metric, values: number[], marginals: number[]): (c: number, k: number) => number {
  switch (metric) {
    case 'nominal':
      return (c, k) => (c === k ? 0 : 1);
    case 'interval':
      return (c, k) => (values[c] - values[k]) ** 2;
    case 'ratio':
      return (c, k) => {
        const total = values[c] + values[k];
        return total === 0 ? 0 : ((values[c] - values[k]) / total) ** 2;
      };
    case 'ordinal': {
      // Ranks are the sorted distinct values; the distance between two ranks is how many pairable
      // values lie between them, counting the two end ranks by half.
      const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
      const rank = new Array<number>(values.length);
      order.forEach((category, r) => (rank[category] = r));
      const cumulative = [0];
      for (const category of order) cumulative.push(cumulative[cumulative.length - 1] + marginals[category]);
      return (c, k) => {
        const [low, high] = rank[c] <= rank[k] ? [rank[c], rank[k]] : [rank[k], rank[c]];
        const between = cumulative[high + 1] - cumulative[low];
        return (between - (marginals[c] + marginals[k]) / 2) ** 2;
      };
    }
  }
}

/** The units both of two coders saw, as weighted pairs of category keys. */
function bothCoded(units: UnitValues[]): { first: string; second: string; weight: number }[] {
  const pairs: { first: string; second: string; weight: number }[] = [];
  for (const unit of units) {
    const [a, b] = unit.values;
    const weight = unit.weight ?? 1;
    if (a === undefined || b === undefined || weight === 0) continue;
    pairs.push({ first: String(a), second: String(b), weight });
  }
  return pairs;
}

/** Cohen's kappa, chance agreement from each coder's own marginal proportions. */
function cohen(units: UnitValues[]): number | null {
  const pairs = bothCoded(units);
  const total = sum(pairs.map((p) => p.weight));
  if (total === 0) return null;
  const first = new Map<string, number>();
  const second = new Map<string, number>();
  let agreed = 0;
  for (const { first: a, second: b, weight } of pairs) {
    first.set(a, (first.get(a) ?? 0) + weight);
    second.set(b, (second.get(b) ?? 0) + weight);
    if (a === b) agreed += weight;
  }
  let chance = 0;
  for (const [category, count] of first) chance += count * (second.get(category) ?? 0);
  // Dividing once at the end keeps p_e exactly 1 when both coders used a single, shared category.
  const pe = chance / (total * total);
  const po = agreed / total;
  return pe === 1 ? null : (po - pe) / (1 - pe);
}

/** The two-by-two table for two coders' 0/1 data, over the units both coded; undefined for other data. */
function binaryTable(units: UnitValues[]): Record<string, number> | undefined {
  const isBinary = units.every((u) => u.values.every((v) => v === undefined || String(v) === '0' || String(v) === '1'));
  if (!isBinary) return undefined;
  const table = { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 };
  for (const { first, second, weight } of bothCoded(units)) {
    if (first === '1') table[second === '1' ? 'both' : 'firstOnly'] += weight;
    else table[second === '1' ? 'secondOnly' : 'neither'] += weight;
  }
  return table;
}

/** q: the categories given, or those seen but at least two, since one category leaves chance nothing to share. */
function chanceCategories(given: number | undefined, seen: number): number {
  if (given === undefined) return Math.max(2, seen);
  if (!Number.isInteger(given) || given < 2) throw new TypeError(`categories must be a whole number ≥ 2, not ${given}`);
  if (given < seen) throw new TypeError(`categories (${given}) is fewer than the distinct values coded (${seen})`);
  return given;
}

/**
 * Brennan–Prediger: chance agreement 1/q, as if every category were equally likely. po is the mean
 * over pairable units of the share of coder pairs that agree, which for two coders is percent agreement.
 */
function brennanPrediger(units: PairableUnit[], total: number, q: number): number | null {
  if (total === 0) return null;
  let agreement = 0;
  for (const unit of units) {
    let agreeingPairs = 0;
    for (const n of unit.tally.values()) agreeingPairs += n * (n - 1);
    agreement += (unit.weight * agreeingPairs) / (unit.size * (unit.size - 1));
  }
  const po = agreement / total;
  return (po - 1 / q) / (1 - 1 / q);
}
