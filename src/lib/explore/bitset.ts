/**
 * Sets of place indices as bits (one bit per place of the catalog): the filters and the list
 * combine them word by word, 32 places at a time, instead of testing every place.
 */
export type Bits = Uint32Array;

export const emptyBits = (size: number): Bits => new Uint32Array((size + 31) >>> 5);

export function fullBits(size: number): Bits {
  const b = emptyBits(size).fill(0xffffffff);
  // The bits past the last place stay clear, so that counts are right.
  if (size & 31) b[b.length - 1] = (1 << (size & 31)) - 1;
  return b;
}

export const setBit = (b: Bits, i: number): void => {
  b[i >>> 5]! |= 1 << (i & 31);
};

export const hasBit = (b: Bits, i: number): boolean => (b[i >>> 5]! & (1 << (i & 31))) !== 0;

/** a &= b */
export function andInto(a: Bits, b: Bits): void {
  for (let w = 0; w < a.length; w++) a[w]! &= b[w]!;
}

/** a |= b */
export function orInto(a: Bits, b: Bits): void {
  for (let w = 0; w < a.length; w++) a[w]! |= b[w]!;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function countBits(b: Bits): number {
  let n = 0;
  for (let w = 0; w < b.length; w++) n += popcount(b[w]!);
  return n;
}

/** |a ∩ b| without building the intersection. */
export function countAnd(a: Bits, b: Bits): number {
  let n = 0;
  for (let w = 0; w < a.length; w++) n += popcount(a[w]! & b[w]!);
  return n;
}

/** Calls `f` with each index in the set, in increasing order. */
export function forEachBit(b: Bits, f: (i: number) => void): void {
  for (let w = 0; w < b.length; w++) {
    let x = b[w]!;
    while (x) {
      const low = x & -x;
      f((w << 5) + 31 - Math.clz32(low));
      x ^= low;
    }
  }
}

/** Calls `f` with each index whose bit differs between `a` and `b` (same size), and whether `b` has it. */
export function forEachChanged(a: Bits, b: Bits, f: (i: number, inB: boolean) => void): void {
  for (let w = 0; w < a.length; w++) {
    let x = a[w]! ^ b[w]!;
    while (x) {
      const low = x & -x;
      const i = (w << 5) + 31 - Math.clz32(low);
      f(i, (b[w]! & low) !== 0);
      x ^= low;
    }
  }
}
