/**
 * Ids for pairs of numbers (two term ids, or a pair id and a third term id): an open-addressing
 * table over typed arrays. A pair packed into one number key of a Map is a heap number for each
 * lookup, and a corpus has hundreds of thousands of pairs and triples, met millions of times.
 */
export class PairIds {
  /** Per slot, 1 + the id of the pair there, or 0 for an empty slot. */
  private slots = new Int32Array(1 << 12);
  /** Per id, the two numbers of the pair. */
  private lefts: Int32Array = new Int32Array(1 << 11);
  private rights: Int32Array = new Int32Array(1 << 11);
  size = 0;

  /** The id of the pair (a, b) of non-negative 31-bit integers, given out in order of first meeting. */
  id(a: number, b: number): number {
    const mask = this.slots.length - 1;
    let s = mix(a, b) & mask;
    for (let slot = this.slots[s]; slot !== 0; slot = this.slots[s]) {
      if (this.lefts[slot - 1] === a && this.rights[slot - 1] === b) return slot - 1;
      s = (s + 1) & mask;
    }
    const id = this.size++;
    if (id === this.lefts.length) {
      this.lefts = grown(this.lefts);
      this.rights = grown(this.rights);
    }
    this.lefts[id] = a;
    this.rights[id] = b;
    this.slots[s] = id + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
    return id;
  }

  /** The two numbers of every pair, in id order. */
  parts(): { lefts: Int32Array; rights: Int32Array } {
    return { lefts: this.lefts.slice(0, this.size), rights: this.rights.slice(0, this.size) };
  }

  left(id: number): number {
    return this.lefts[id];
  }

  right(id: number): number {
    return this.rights[id];
  }

  /** Twice the slots, every pair placed again: the table stays at most half full. */
  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let s = mix(this.lefts[id], this.rights[id]) & mask;
      while (this.slots[s] !== 0) s = (s + 1) & mask;
      this.slots[s] = id + 1;
    }
  }
}

function mix(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}

function grown(values: Int32Array): Int32Array {
  const bigger = new Int32Array(values.length * 2);
  bigger.set(values);
  return bigger;
}
