/**
 * The database clock and randomness: real time and Math.random by default; a settable clock and
 * a seed make now(), random() and gen_random_uuid() deterministic in tests.
 */
export interface Clock {
  /** Fixed time in microseconds since 2000-01-01 UTC, or undefined for real time. */
  fixedMicros?: bigint;
  seed?: number;
  rng?: () => number;
}

/** 2000-01-01T00:00:00Z in Unix milliseconds. */
const PG_EPOCH_MS = 946684800000n;

/** Wall-clock microseconds at performance.now() = 0: the clock is monotonic and microsecond-precise. */
const ORIGIN_US = (BigInt(Date.now()) - PG_EPOCH_MS) * 1000n - BigInt(Math.round(performance.now() * 1000));

/** ORIGIN_US as a number (microseconds since 2000 stay far below 2^53). */
const ORIGIN_US_NUM = Number(ORIGIN_US);


/**
 * A clock reading that costs no bigint: the fixed instant, or performance.now() to convert only
 * when someone asks (most statements never call now()).
 */
export type ClockReading = bigint | number;

export function readClock(c: Clock): ClockReading {
  return c.fixedMicros ?? performance.now();
}

/** The reading in microseconds since 2000-01-01 UTC. */
export function readingMicros(r: ClockReading): bigint {
  return typeof r === 'bigint' ? r : BigInt(ORIGIN_US_NUM + Math.floor(r * 1000));
}

/** The clock now, in microseconds since 2000-01-01 UTC. */
export function nowMicros(c: Clock): bigint {
  return readingMicros(readClock(c));
}

/** mulberry32: small, fast, seedable. */
export function randomSource(c: Clock): () => number {
  if (c.seed === undefined) return Math.random;
  if (!c.rng) {
    let a = c.seed >>> 0;
    c.rng = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  return c.rng;
}
