/**
 * Number formatting for the report: three significant digits for small values, thousands
 * separators for large ones, ratios as `1.23×`.
 *
 * Postgres counterpart: none.
 */

/** A value with about three significant digits (`0.0123`, `4.56`, `78.9`, `1,234`). */
export function num(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  if (a === 0) return '0';
  return v.toPrecision(3);
}

/** A ratio: `0.42×`, `3.1×`, `120×`. */
export function ratio(r: number): string {
  if (!Number.isFinite(r)) return '–';
  if (r >= 100) return `${r.toFixed(0)}×`;
  if (r >= 10) return `${r.toFixed(1)}×`;
  return `${r.toPrecision(2)}×`;
}

/** Bytes as `1.23 MB` (SI) or `456 B`. */
export function bytes(b: number): string {
  if (!Number.isFinite(b)) return '–';
  return Math.abs(b) >= 1e6 ? `${num(b / 1e6)} MB` : Math.abs(b) >= 1e4 ? `${num(b / 1e3)} kB` : `${num(b)} B`;
}

/** Escapes a string for a markdown table cell. */
export function cellText(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
