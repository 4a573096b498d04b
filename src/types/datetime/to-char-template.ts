/**
 * The template grammar of to_char / to_timestamp / to_date: keywords (matched case-sensitively,
 * longest first), the FM/FX/TM prefixes (a prefix with no keyword after it prints nothing), the
 * TH/th and SP suffixes, double-quoted literals and backslash escapes; plus the English names and
 * ordinal suffixes the keywords print.
 * Postgres counterpart: the keyword and suffix tables and parse_format in
 * src/backend/utils/adt/formatting.c.
 */

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];


/** Keywords, longest first among those sharing a prefix. */
const KEYWORDS = [
  'A.D.', 'A.M.', 'AD', 'AM', 'B.C.', 'BC', 'CC', 'DAY', 'DDD', 'DD', 'DY', 'Day', 'Dy', 'D', 'FF1', 'FF2', 'FF3', 'FF4', 'FF5',
  'FF6', 'FX', 'HH24', 'HH12', 'HH', 'IDDD', 'ID', 'IW', 'IYYY', 'IYY', 'IY', 'I', 'J', 'MI', 'MM', 'MONTH', 'MON', 'MS', 'Month',
  'Mon', 'OF', 'P.M.', 'PM', 'Q', 'RM', 'SSSSS', 'SSSS', 'SS', 'TZH', 'TZM', 'TZ', 'US', 'WW', 'W', 'Y,YYY', 'YYYY', 'YYY', 'YY', 'Y',
  'a.d.', 'a.m.', 'ad', 'am', 'b.c.', 'bc', 'cc', 'day', 'ddd', 'dd', 'dy', 'd', 'ff1', 'ff2', 'ff3', 'ff4', 'ff5', 'ff6', 'fx',
  'hh24', 'hh12', 'hh', 'iddd', 'id', 'iw', 'iyyy', 'iyy', 'iy', 'i', 'j', 'mi', 'mm', 'month', 'mon', 'ms', 'of', 'p.m.', 'pm',
  'q', 'rm', 'sssss', 'ssss', 'ss', 'tzh', 'tzm', 'tz', 'us', 'ww', 'w', 'y,yyy', 'yyyy', 'yyy', 'yy', 'y',
].sort((a, b) => b.length - a.length);

/** A parsed template: literal text or a keyword with its modifiers. */
export type TemplateNode = { lit: string } | { key: string; fm: boolean; th: '' | 'TH' | 'th'; tm: boolean };

const templateCache = new Map<string, TemplateNode[]>();

/** Splits a datetime template into literals and keywords. */
export function parseTemplate(fmt: string): TemplateNode[] {
  const cached = templateCache.get(fmt);
  if (cached) return cached;
  const out: TemplateNode[] = [];
  let i = 0;
  let lit = '';
  const flush = (): void => {
    if (lit) out.push({ lit });
    lit = '';
  };
  while (i < fmt.length) {
    let fm = false;
    let tm = false;
    let j = i;
    // One prefix (FM, FX, TM) may precede a keyword.
    const p = fmt.slice(j, j + 2);
    if (p === 'FM' || p === 'fm') {
      fm = true;
      j += 2;
    } else if (p === 'TM' || p === 'tm') {
      tm = true;
      j += 2;
    } else if (p === 'FX' || p === 'fx') {
      j += 2;
    }
    const key = KEYWORDS.find((k) => fmt.startsWith(k, j));
    if (key && key !== 'FX' && key !== 'fx') {
      flush();
      j += key.length;
      let th: '' | 'TH' | 'th' = '';
      const s = fmt.slice(j, j + 2);
      if (s === 'TH' || s === 'th') {
        th = s;
        j += 2;
      } else if (s === 'SP') j += 2;
      out.push({ key, fm, th, tm });
      i = j;
      continue;
    }
    if (j > i) {
      // A prefix without a keyword prints nothing; the character after it is literal.
      i = j;
      if (i < fmt.length && fmt[i] !== '"') lit += fmt[i++];
      continue;
    }
    const c = fmt[i];
    if (c === '"') {
      i++;
      while (i < fmt.length && fmt[i] !== '"') {
        if (fmt[i] === '\\' && i + 1 < fmt.length) i++;
        lit += fmt[i++];
      }
      i++;
      continue;
    }
    if (c === '\\' && fmt[i + 1] === '"') {
      lit += '"';
      i += 2;
      continue;
    }
    lit += c;
    i++;
  }
  flush();
  if (templateCache.size > 200) templateCache.clear();
  templateCache.set(fmt, out);
  return out;
}

/** English ordinal suffix of n (st, nd, rd, th). */
export function ordinal(n: number, upper: boolean): string {
  const a = Math.abs(n);
  let s = 'th';
  if (a % 100 < 11 || a % 100 > 13) {
    if (a % 10 === 1) s = 'st';
    else if (a % 10 === 2) s = 'nd';
    else if (a % 10 === 3) s = 'rd';
  }
  return upper ? s.toUpperCase() : s;
}
