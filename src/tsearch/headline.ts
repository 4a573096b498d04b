/**
 * ts_headline: the document's words with the query's matches highlighted, cut to a short
 * fragment around the best "cover" (the shortest run of words satisfying the query), or to
 * several fragments (MaxFragments), or the whole text (HighlightAll).
 * Options: StartSel, StopSel, MaxWords, MinWords, ShortWord, HighlightAll, MaxFragments,
 * FragmentDelimiter.
 *
 * Postgres counterpart: src/backend/tsearch/wparser.c (ts_headline_byid_opt), ts_parse.c
 * (hlparsetext, generateHeadline), wparser_def.c (prsd_headline, hlCover, mark_hl_words,
 * mark_hl_fragments, get_next_fragment, mark_fragment).
 * Known gaps: with negated query terms the chosen fragment can differ from Postgres's.
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { TsQuery, TsVector, byteLength, compareLexemes, packPos, type QueryNode, type QueryVal } from './ts-values.js';
import { lexizeChain, type TsConfig } from './ts-config.js';
import { parseText, TOKEN } from './wparser.js';
import { tsMatch } from './ts-match.js';

interface HlWord {
  readonly text: string;
  readonly type: number;
  readonly len: number;
  pos: number;
  item: QueryVal | null;
  repeated: boolean;
  selected: boolean;
  replace: boolean;
  skip: boolean;
  in: boolean;
}

const NONWORDTOKEN = (t: number) => t === TOKEN.blank || t === TOKEN.tag || HLIDSKIP(t);
const HLIDSKIP = (t: number) => t === TOKEN.url || t === TOKEN.numhword || t === TOKEN.asciihword || t === TOKEN.hword;
const NOENDTOKEN = (t: number) =>
  NONWORDTOKEN(t) || t === TOKEN.sfloat || t === TOKEN.version || t === TOKEN.float || t === TOKEN.int || t === TOKEN.uint ||
  t === TOKEN.tag || t === TOKEN.protocol || t === TOKEN.blank || t === TOKEN.entity;

function operands(q: QueryNode | null, out: QueryVal[] = []): QueryVal[] {
  if (!q) return out;
  if (q.kind === 'val') out.push(q);
  else if (q.kind === 'not') operands(q.arg, out);
  else {
    operands(q.left, out);
    operands(q.right, out);
  }
  return out;
}

/** hlparsetext: every token as a word, matched against the query's operands. */
function parseForHeadline(cfg: TsConfig, text: string, q: TsQuery): HlWord[] {
  const ops = operands(q.root);
  const words: HlWord[] = [];
  let pos = 0;
  for (const tok of parseText(text)) {
    const w: HlWord = { text: tok.text, type: tok.type, len: byteLength(tok.text), pos: 0, item: null, repeated: false, selected: false, replace: false, skip: false, in: false };
    words.push(w);
    const dicts = cfg.map.get(tok.type);
    if (!dicts) continue;
    for (const lexemes of [lexizeChain(dicts, tok.text)]) {
      if (lexemes === null) continue;
      pos++;
      w.pos = pos;
      for (const l of lexemes) {
        for (const o of ops) {
          const hit = o.prefix ? l.startsWith(o.word) : compareLexemes(l, o.word) === 0;
          if (!hit) continue;
          if (!w.item) w.item = o;
          else if (w.item !== o) {
            words.push({ ...w, item: o, repeated: true });
          }
        }
      }
      break;
    }
  }
  return words;
}

/** The query with weight restrictions dropped (headline matching compares lexemes only). */
function unweighted(n: QueryNode): QueryNode {
  if (n.kind === 'val') return n.weight ? { ...n, weight: 0 } : n;
  if (n.kind === 'not') return { kind: 'not', arg: unweighted(n.arg) };
  return { ...n, left: unweighted(n.left), right: unweighted(n.right) };
}

/** Whether words[p..q] satisfy the query (checkcondition_HL through TS_execute). */
function satisfies(words: HlWord[], p: number, q: number, query: TsQuery): boolean {
  const items = [];
  for (let i = p; i <= q; i++) {
    const w = words[i];
    if (w.item) items.push({ word: w.item.word, pos: [packPos(Math.max(1, Math.min(w.pos, 16383)), 0)] });
  }
  items.sort((a, b) => compareLexemes(a.word, b.word));
  const merged: { word: string; pos: number[] }[] = [];
  for (const it of items) {
    const last = merged[merged.length - 1];
    if (last && last.word === it.word) {
      if (!last.pos.includes(it.pos[0])) last.pos.push(it.pos[0]);
    } else merged.push({ word: it.word, pos: [...it.pos] });
  }
  for (const m of merged) m.pos.sort((a, b) => a - b);
  return tsMatch(new TsVector(merged), query);
}

const interesting = (words: HlWord[], j: number) => words[j].item !== null && !words[j].repeated;
const firstIndex = (words: HlWord[], from: number) => {
  for (let i = Math.max(from, 0); i < words.length; i++) if (interesting(words, i)) return i;
  return -1;
};

/** hlCover: the earliest-ending, then shortest, run of words from `from` on that satisfies the query. */
function cover(words: HlWord[], query: TsQuery, maxCover: number, from: number): [number, number] | null {
  // A document the query does not match (a negated term occurs somewhere) has no cover.
  if (words.length === 0 || !satisfies(words, 0, words.length - 1, query)) return null;
  for (let pmax = firstIndex(words, from); pmax >= 0; pmax = firstIndex(words, pmax + 1)) {
    for (let pmin = pmax; pmin >= from && pmax - pmin < maxCover; pmin--) {
      if (!interesting(words, pmin)) continue;
      if (satisfies(words, pmin, pmax, query)) return [pmin, pmax];
    }
  }
  return null;
}

function markFragment(words: HlWord[], highlightAll: boolean, start: number, end: number): void {
  // (an empty document: the fallback fragment 0..0 has no words)
  for (let i = start; i <= end && i < words.length; i++) {
    const w = words[i];
    if (w.item) w.selected = true;
    if (!highlightAll) {
      if (w.type === TOKEN.tag) w.replace = true;
      else if (HLIDSKIP(w.type)) w.skip = true;
    } else if (HLIDSKIP(w.type)) w.skip = true;
    w.in = !w.repeated;
  }
}

interface Opts {
  minWords: number;
  maxWords: number;
  shortWord: number;
  maxFragments: number;
  highlightAll: boolean;
}

function markWords(words: HlWord[], query: TsQuery, o: Opts, maxCover: number): void {
  const { shortWord, minWords, maxWords } = o;
  const badEnd = (j: number) => (NOENDTOKEN(words[j].type) || words[j].len <= shortWord) && !interesting(words, j);
  let bestb = -1;
  let beste = -1;
  let bestlen = -1;
  let bestcover = false;
  if (!o.highlightAll) {
    let from = 0;
    let c: [number, number] | null;
    while ((c = cover(words, query, maxCover, from))) {
      const [p, q] = c;
      let curlen = 0;
      let poslen = 0;
      let posb = p;
      let pose = p;
      let i: number;
      for (i = p; i <= q && curlen < maxWords; i++) {
        if (!NONWORDTOKEN(words[i].type)) curlen++;
        if (interesting(words, i)) poslen++;
        pose = i;
      }
      if (curlen < maxWords) {
        for (i = i - 1; i < words.length && curlen < maxWords; i++) {
          if (i > q) {
            if (!NONWORDTOKEN(words[i].type)) curlen++;
            if (interesting(words, i)) poslen++;
          }
          pose = i;
          if (badEnd(i)) continue;
          if (curlen >= minWords) break;
        }
        if (curlen < minWords) {
          for (i = p - 1; i >= 0; i--) {
            if (!NONWORDTOKEN(words[i].type)) curlen++;
            if (interesting(words, i)) poslen++;
            if (curlen >= maxWords) break;
            if (badEnd(i)) continue;
            if (curlen >= minWords) break;
          }
          posb = i >= 0 ? i : 0;
        }
      } else {
        if (i > q) i = q;
        for (; curlen > minWords; i--) {
          if (!badEnd(i)) break;
          if (!NONWORDTOKEN(words[i].type)) curlen--;
          if (interesting(words, i)) poslen--;
          pose = i - 1;
        }
      }
      const poscover = posb <= p && pose >= q;
      if (
        (poscover && !bestcover) ||
        (poscover === bestcover && poslen > bestlen) ||
        (poscover === bestcover && poslen === bestlen && !badEnd(pose) && beste >= 0 && badEnd(beste))
      ) {
        bestb = posb;
        beste = pose;
        bestlen = poslen;
        bestcover = poscover;
      }
      from = p + 1;
    }
    if (bestlen < 0) {
      let curlen = 0;
      let pose = 0;
      for (let i = 0; i < words.length && curlen < minWords; i++) {
        if (!NONWORDTOKEN(words[i].type)) curlen++;
        pose = i;
      }
      bestb = 0;
      beste = pose;
    }
  } else {
    bestb = 0;
    beste = words.length - 1;
  }
  markFragment(words, o.highlightAll, bestb, beste);
}

function markFragments(words: HlWord[], query: TsQuery, o: Opts, maxCover: number): void {
  const { shortWord, minWords, maxWords, maxFragments } = o;
  const covers: { start: number; end: number; curlen: number; poslen: number; in: boolean; excluded: boolean }[] = [];
  let from = 0;
  let c: [number, number] | null;
  while ((c = cover(words, query, maxCover, from))) {
    const [p, q] = c;
    let startpos = p;
    let endpos = q;
    while (startpos <= endpos) {
      // get_next_fragment
      let i: number;
      for (i = startpos; i <= endpos; i++) {
        startpos = i;
        if (interesting(words, i)) break;
      }
      let curlen = 0;
      let poslen = 0;
      for (i = startpos; i <= endpos && curlen < maxWords; i++) {
        if (!NONWORDTOKEN(words[i].type)) curlen++;
        if (interesting(words, i)) poslen++;
      }
      if (endpos > i) {
        endpos = i;
        for (i = endpos; i >= startpos; i--) {
          endpos = i;
          if (interesting(words, i)) break;
          if (!NONWORDTOKEN(words[i].type)) curlen--;
        }
      }
      covers.push({ start: startpos, end: endpos, curlen, poslen, in: false, excluded: false });
      startpos = endpos + 1;
      endpos = q;
    }
    from = p + 1;
  }
  const badEnd = (j: number) => (NOENDTOKEN(words[j].type) || words[j].len <= shortWord) && !interesting(words, j);
  let numF = 0;
  for (let f = 0; f < maxFragments; f++) {
    let maxitems = 0;
    let minwords = 0x7fffffff;
    let minI = -1;
    for (let i = 0; i < covers.length; i++) {
      const cv = covers[i];
      if (!cv.in && !cv.excluded && (maxitems < cv.poslen || (maxitems === cv.poslen && minwords > cv.curlen))) {
        maxitems = cv.poslen;
        minwords = cv.curlen;
        minI = i;
      }
    }
    if (minI < 0) break;
    const cv = covers[minI];
    cv.in = true;
    let startpos = cv.start;
    let endpos = cv.end;
    let curlen = cv.curlen;
    if (curlen < maxWords) {
      const maxstretch = Math.trunc((maxWords - curlen) / 2);
      let stretch = 0;
      let posmarker = startpos;
      let i: number;
      for (i = startpos - 1; i >= 0 && stretch < maxstretch && !words[i].in; i--) {
        if (!NONWORDTOKEN(words[i].type)) {
          curlen++;
          stretch++;
        }
        posmarker = i;
      }
      for (i = posmarker; i < startpos && badEnd(i); i++) if (!NONWORDTOKEN(words[i].type)) curlen--;
      startpos = i;
      posmarker = endpos;
      for (i = endpos + 1; i < words.length && curlen < maxWords && !words[i].in; i++) {
        if (!NONWORDTOKEN(words[i].type)) curlen++;
        posmarker = i;
      }
      for (i = posmarker; i > endpos && badEnd(i); i--) if (!NONWORDTOKEN(words[i].type)) curlen--;
      endpos = i;
    }
    cv.start = startpos;
    cv.end = endpos;
    cv.curlen = curlen;
    markFragment(words, o.highlightAll, startpos, endpos);
    numF++;
    for (let i = 0; i < covers.length; i++) {
      if (
        i !== minI &&
        ((covers[i].start >= cv.start && covers[i].start <= cv.end) ||
          (covers[i].end >= cv.start && covers[i].end <= cv.end) ||
          (covers[i].start < cv.start && covers[i].end > cv.end))
      ) {
        covers[i].excluded = true;
      }
    }
  }
  if (numF <= 0) {
    let curlen = 0;
    let endpos = 0;
    for (let i = 0; i < words.length && curlen < minWords; i++) {
      if (!NONWORDTOKEN(words[i].type)) curlen++;
      endpos = i;
    }
    markFragment(words, o.highlightAll, 0, endpos);
  }
}

/** Reads the options text (`MaxWords=10, StartSel="<em>"`), as deserialize_deflist does. */
function parseOptions(text: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /\s*([^\s=,]+)\s*=\s*(?:"((?:[^"]|"")*)"|([^\s,]*))\s*,?/y;
  let i = 0;
  const s = text.trim();
  while (i < s.length) {
    re.lastIndex = i;
    const m = re.exec(s);
    if (!m || m[0].length === 0) throw new PgError(SQLSTATE.syntax_error, `invalid parameter list format: "${text}"`);
    out.push([m[1], m[2] !== undefined ? m[2].replace(/""/g, '"') : m[3]]);
    i = re.lastIndex;
  }
  return out;
}

function intOption(name: string, v: string): number {
  const t = v.trim();
  if (!/^[+-]?\d+$/.test(t)) throw new PgError(SQLSTATE.invalid_text_representation, `invalid input syntax for type integer: "${v}"`);
  return Number(t);
}

/** ts_headline(config, document, query, options). */
export function headline(cfg: TsConfig, text: string, query: TsQuery, options: string): string {
  let startSel = '<b>';
  let stopSel = '</b>';
  let fragDelim = ' ... ';
  const o: Opts = { minWords: 15, maxWords: 35, shortWord: 3, maxFragments: 0, highlightAll: false };
  for (const [k, v] of parseOptions(options)) {
    switch (k.toLowerCase()) {
      case 'maxwords':
        o.maxWords = intOption(k, v);
        break;
      case 'minwords':
        o.minWords = intOption(k, v);
        break;
      case 'shortword':
        o.shortWord = intOption(k, v);
        break;
      case 'maxfragments':
        o.maxFragments = intOption(k, v);
        break;
      case 'startsel':
        startSel = v;
        break;
      case 'stopsel':
        stopSel = v;
        break;
      case 'fragmentdelimiter':
        fragDelim = v;
        break;
      case 'highlightall':
        o.highlightAll = ['1', 'on', 'true', 't', 'y', 'yes'].includes(v.toLowerCase());
        break;
      default:
        throw new PgError(SQLSTATE.invalid_parameter_value, `unrecognized headline parameter: "${k}"`);
    }
  }
  if (!o.highlightAll) {
    if (o.minWords >= o.maxWords) throw new PgError(SQLSTATE.invalid_parameter_value, 'MinWords must be less than MaxWords');
    if (o.minWords <= 0) throw new PgError(SQLSTATE.invalid_parameter_value, 'MinWords must be positive');
    if (o.shortWord < 0) throw new PgError(SQLSTATE.invalid_parameter_value, 'ShortWord must be >= 0');
    if (o.maxFragments < 0) throw new PgError(SQLSTATE.invalid_parameter_value, 'MaxFragments must be >= 0');
  }
  const words = parseForHeadline(cfg, text, query);
  const q = new TsQuery(query.root ? unweighted(query.root) : null);
  const maxCover = Math.max(o.maxWords * 10, 100);
  if (o.maxFragments === 0) markWords(words, q, o, maxCover);
  else markFragments(words, q, o, maxCover);
  // generateHeadline.
  let out = '';
  let infrag = false;
  let numFragments = 0;
  for (const w of words) {
    if (w.in) {
      if (!infrag) {
        infrag = true;
        numFragments++;
        if (numFragments > 1) out += fragDelim;
      }
      if (w.replace) out += ' ';
      else if (!w.skip) out += w.selected ? startSel + w.text + stopSel : w.text;
    } else if (!w.repeated) infrag = false;
  }
  return out;
}
