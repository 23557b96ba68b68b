/**
 * A seeded pseudo-random generator: numbers in [0, 1), the same sequence for
 * the same seed. A 32-bit linear congruential generator computed in integer
 * arithmetic: written as `seed * 1103515245` in floating point the product
 * passes 2^53, loses its low bits, and the sequence falls into a cycle of a
 * few hundred values after about 7,000 draws (a corpus built from it would
 * repeat the same few dozen documents from then on).
 */
export function seeded(seed) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}
