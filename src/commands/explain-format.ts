/**
 * EXPLAIN's output formats: Postgres's indented text (`->  ` children, `  (cost=..)`, detail lines),
 * and the structured JSON, YAML and XML documents with Postgres's keys, nesting and spacing.
 * Postgres counterpart: src/backend/commands/explain.c (ExplainNode's text layout) and
 * explain_format.c (ExplainProperty*, ExplainOpenGroup / ExplainCloseGroup per format).
 */
import type { ExplainNode, Prop, PropValue } from './explain-describe.js';

export type ExplainFormat = 'text' | 'json' | 'yaml' | 'xml';

export interface FormatOptions {
  format: ExplainFormat;
  costs: boolean;
  analyze: boolean;
  timing: boolean;
  buffers: boolean;
  wal: boolean;
  verbose: boolean;
}

/** What follows the plan: Settings, Planning (memory / buffers), times, triggers, serialization. */
export interface ExplainSummary {
  settings?: readonly (readonly [string, string])[];
  planningMemory?: { used: number; allocated: number };
  planningTime?: number;
  triggers?: boolean;
  serialization?: { time?: number; bytes: number; format: string };
  executionTime?: number;
}

type Scalar = string | boolean | { num: number; decimals: number };
type Val = Scalar | readonly string[] | Obj | { list: Obj[] };
type Obj = [string, Val][];

const BUFFER_KEYS = [
  'Shared Hit Blocks',
  'Shared Read Blocks',
  'Shared Dirtied Blocks',
  'Shared Written Blocks',
  'Local Hit Blocks',
  'Local Read Blocks',
  'Local Dirtied Blocks',
  'Local Written Blocks',
  'Temp Read Blocks',
  'Temp Written Blocks',
];

const fixed = (x: number, d: number) => x.toFixed(d);
const num = (n: number, decimals = 0) => ({ num: n, decimals });

function propVal(v: PropValue): Val {
  if (typeof v === 'number') return num(v);
  return v as Val;
}

const PRE_PARENT = new Set(['Strategy', 'Partial Mode', 'Operation']);

function nodeObj(n: ExplainNode, o: FormatOptions, relationship?: string, subplanName?: string): Obj {
  const out: Obj = [['Node Type', n.nodeType]];
  for (const [k, v] of n.head) if (PRE_PARENT.has(k)) out.push([k, propVal(v)]);
  if (relationship) out.push(['Parent Relationship', relationship]);
  if (subplanName) out.push(['Subplan Name', subplanName]);
  out.push(['Parallel Aware', false], ['Async Capable', false]);
  for (const [k, v] of n.head) if (!PRE_PARENT.has(k)) out.push([k, propVal(v)]);
  if (o.costs) out.push(['Startup Cost', num(n.startupCost, 2)], ['Total Cost', num(n.totalCost, 2)], ['Plan Rows', num(n.rows)], ['Plan Width', num(n.width)]);
  if (o.analyze) {
    const s = n.stats;
    const loops = s?.loops ?? 0;
    if (o.timing) out.push(['Actual Startup Time', num(loops ? s!.startup / loops : 0, 3)], ['Actual Total Time', num(loops ? s!.total / loops : 0, 3)]);
    out.push(['Actual Rows', num(loops ? s!.rows / loops : 0, 2)], ['Actual Loops', num(loops)]);
  }
  out.push(['Disabled', false]);
  for (const [k, v] of n.details) out.push([k, propVal(v)]);
  if (o.analyze) for (const [k, v] of n.analyzed) out.push([k, propVal(v)]);
  if (o.buffers) for (const k of BUFFER_KEYS) out.push([k, num(0)]);
  if (o.wal) out.push(['WAL Records', num(0)], ['WAL FPI', num(0)], ['WAL Bytes', num(0)], ['WAL Buffers Full', num(0)]);
  const order = (r: string) => (r === 'InitPlan' ? 0 : r === 'SubPlan' ? 2 : 1);
  const kids = [...n.children].sort((a, b) => order(a.relationship) - order(b.relationship));
  if (kids.length) out.push(['Plans', { list: kids.map((c) => nodeObj(c.node, o, c.relationship, c.subplanName)) }]);
  return out;
}

function queryObj(root: ExplainNode, o: FormatOptions, s: ExplainSummary): Obj {
  const out: Obj = [['Plan', nodeObj(root, o)]];
  if (s.settings) out.push(['Settings', s.settings.map(([k, v]) => [k, v] as [string, Val])]);
  if (o.buffers || s.planningMemory) {
    const planning: Obj = [];
    if (o.buffers) for (const k of BUFFER_KEYS) planning.push([k, num(0)]);
    if (s.planningMemory) planning.push(['Memory Used', num(s.planningMemory.used)], ['Memory Allocated', num(s.planningMemory.allocated)]);
    out.push(['Planning', planning]);
  }
  if (s.planningTime !== undefined) out.push(['Planning Time', num(s.planningTime, 3)]);
  if (s.triggers) out.push(['Triggers', { list: [] }]);
  if (s.serialization) {
    const ser: Obj = [];
    if (s.serialization.time !== undefined) ser.push(['Time', num(s.serialization.time, 3)]);
    ser.push(['Output Volume', num(Math.ceil(s.serialization.bytes / 1024))], ['Format', s.serialization.format]);
    if (o.buffers) for (const k of BUFFER_KEYS) ser.push([k, num(0)]);
    out.push(['Serialization', ser]);
  }
  if (s.executionTime !== undefined) out.push(['Execution Time', num(s.executionTime, 3)]);
  return out;
}

const isObj = (v: Val): v is Obj => Array.isArray(v) && (v.length === 0 || Array.isArray(v[0]));
const isStrList = (v: Val): v is readonly string[] => Array.isArray(v) && !isObj(v);
const isList = (v: Val): v is { list: Obj[] } => typeof v === 'object' && v !== null && 'list' in v;
const isNum = (v: Val): v is { num: number; decimals: number } => typeof v === 'object' && v !== null && 'num' in v;

function scalarText(v: Scalar): string {
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') return v;
  return fixed(v.num, v.decimals);
}

// --- JSON --------------------------------------------------------------------------------------

function jsonValue(v: Val, ind: number): string {
  const sp = ' '.repeat(ind);
  if (isList(v)) {
    if (!v.list.length) return `[\n${sp}]`;
    return `[\n${v.list.map((o) => `${sp}  ${jsonValue(o, ind + 2)}`).join(',\n')}\n${sp}]`;
  }
  if (isObj(v) && !v.length) return `{\n${sp}}`;
  if (isObj(v)) return `{\n${v.map(([k, x]) => `${sp}  ${JSON.stringify(k)}: ${jsonValue(x, ind + 2)}`).join(',\n')}\n${sp}}`;
  if (isStrList(v)) return `[${v.map((x) => JSON.stringify(x)).join(', ')}]`;
  if (typeof v === 'string') return JSON.stringify(v);
  return scalarText(v as Scalar);
}

// --- YAML --------------------------------------------------------------------------------------

function yamlScalar(v: Scalar): string {
  return typeof v === 'string' ? JSON.stringify(v) : scalarText(v);
}

function yamlEntries(o: Obj, ind: number, first: string | undefined, out: string[]): void {
  o.forEach(([k, v], i) => {
    const lead = i === 0 && first !== undefined ? first : ' '.repeat(ind);
    if (isList(v)) {
      out.push(`${lead}${k}: `);
      for (const item of v.list) yamlEntries(item, ind + 4, `${' '.repeat(ind + 2)}- `, out);
    } else if (isObj(v)) {
      out.push(`${lead}${k}: `);
      yamlEntries(v, ind + 2, undefined, out);
    } else if (isStrList(v)) {
      out.push(`${lead}${k}: `);
      for (const s of v) out.push(`${' '.repeat(ind + 2)}- ${JSON.stringify(s)}`);
    } else out.push(`${lead}${k}: ${yamlScalar(v as Scalar)}`);
  });
}

// --- XML ---------------------------------------------------------------------------------------

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const xmlTag = (k: string) => k.replace(/ /g, '-');

function xmlEntries(o: Obj, ind: number, out: string[]): void {
  const sp = ' '.repeat(ind);
  for (const [k, v] of o) {
    const t = xmlTag(k);
    if (isList(v)) {
      out.push(`${sp}<${t}>`);
      for (const item of v.list) {
        out.push(`${sp}  <Plan>`);
        xmlEntries(item, ind + 4, out);
        out.push(`${sp}  </Plan>`);
      }
      out.push(`${sp}</${t}>`);
    } else if (isObj(v)) {
      out.push(`${sp}<${t}>`);
      xmlEntries(v, ind + 2, out);
      out.push(`${sp}</${t}>`);
    } else if (isStrList(v)) {
      out.push(`${sp}<${t}>`);
      for (const s of v) out.push(`${sp}  <Item>${xmlEscape(s)}</Item>`);
      out.push(`${sp}</${t}>`);
    } else out.push(`${sp}<${t}>${xmlEscape(scalarText(v as Scalar))}</${t}>`);
  }
}

// --- text --------------------------------------------------------------------------------------

function textProp(k: string, v: PropValue): string {
  if (Array.isArray(v)) return `${k}: ${v.join(', ')}`;
  if (typeof v === 'number') return `${k}: ${v}`;
  if (typeof v === 'object' && v !== null && 'num' in v) return `${k}: ${fixed(v.num, v.decimals)}`;
  return `${k}: ${typeof v === 'boolean' ? (v ? 'true' : 'false') : v}`;
}

/** The ANALYZE details that share one text line (`Sort Method: quicksort  Memory: 25kB`). */
function textAnalyzed(props: readonly Prop[]): string[] {
  const m = new Map(props);
  const out: string[] = [];
  if (m.has('Sort Method')) out.push(`Sort Method: ${m.get('Sort Method')}  ${m.get('Sort Space Type')}: ${m.get('Sort Space Used')}kB`);
  if (m.has('Hash Buckets')) out.push(`Buckets: ${m.get('Hash Buckets')}  Batches: ${m.get('Hash Batches')}  Memory Usage: ${m.get('Peak Memory Usage')}kB`);
  if (m.has('HashAgg Batches')) out.push(`Batches: ${m.get('HashAgg Batches')}  Memory Usage: ${m.get('Peak Memory Usage')}kB`);
  if (m.has('Heap Fetches')) out.push(`Heap Fetches: ${m.get('Heap Fetches')}`);
  if (m.has('Index Searches')) out.push(`Index Searches: ${m.get('Index Searches')}`);
  return out;
}

function textNode(n: ExplainNode, o: FormatOptions, indent: number, subplanName: string | undefined, out: string[]): void {
  if (subplanName) {
    out.push(`${'  '.repeat(indent)}${subplanName}`);
    indent++;
  }
  let line = '';
  if (indent) {
    line = `${'  '.repeat(indent)}->  `;
    indent += 2;
  }
  line += n.textName;
  if (o.costs) line += `  (cost=${fixed(n.startupCost, 2)}..${fixed(n.totalCost, 2)} rows=${n.rows} width=${n.width})`;
  if (o.analyze) {
    const s = n.stats;
    if (!s || s.loops === 0) line += ' (never executed)';
    else if (o.timing) line += ` (actual time=${fixed(s.startup / s.loops, 3)}..${fixed(s.total / s.loops, 3)} rows=${fixed(s.rows / s.loops, 2)} loops=${s.loops})`;
    else line += ` (actual rows=${fixed(s.rows / s.loops, 2)} loops=${s.loops})`;
  }
  out.push(line);
  indent++;
  const sp = '  '.repeat(indent);
  for (const [k, v] of n.details) {
    // Counters print in the text layout only when they are not zero.
    if (k === 'Rows Removed by Filter' && typeof v === 'object' && 'num' in v && v.num === 0) continue;
    out.push(sp + textProp(k, v));
  }
  if (o.analyze && n.stats && n.stats.loops > 0) for (const l of textAnalyzed(n.analyzed)) out.push(sp + l);
  // InitPlans (CTEs) come before the node's inputs, as Postgres prints them.
  const init = n.children.filter((c) => c.relationship === 'InitPlan');
  const subs = n.children.filter((c) => c.relationship === 'SubPlan');
  const rest = n.children.filter((c) => c.relationship !== 'InitPlan' && c.relationship !== 'SubPlan');
  for (const c of [...init, ...rest, ...subs]) textNode(c.node, o, indent, c.subplanName, out);
}

/** The rows of EXPLAIN's result: one per line in TEXT format, one document otherwise. */
export function formatExplain(root: ExplainNode, o: FormatOptions, s: ExplainSummary): string[] {
  switch (o.format) {
    case 'text': {
      const out: string[] = [];
      textNode(root, o, 0, undefined, out);
      if (s.settings?.length) out.push(`Settings: ${s.settings.map(([k, v]) => `${k} = '${v}'`).join(', ')}`);
      if (s.planningMemory) {
        out.push('Planning:');
        out.push(`  Memory: used=${s.planningMemory.used}kB  allocated=${s.planningMemory.allocated}kB`);
      }
      if (s.planningTime !== undefined) out.push(`Planning Time: ${fixed(s.planningTime, 3)} ms`);
      if (s.serialization) {
        const t = s.serialization.time !== undefined ? `time=${fixed(s.serialization.time, 3)} ms  ` : '';
        out.push(`Serialization: ${t}output=${Math.ceil(s.serialization.bytes / 1024)}kB  format=${s.serialization.format}`);
      }
      if (s.executionTime !== undefined) out.push(`Execution Time: ${fixed(s.executionTime, 3)} ms`);
      return out;
    }
    case 'json':
      return [`[\n  ${jsonValue(queryObj(root, o, s), 2)}\n]`];
    case 'yaml': {
      const out: string[] = [];
      yamlEntries(queryObj(root, o, s), 2, '- ', out);
      return [out.join('\n')];
    }
    case 'xml': {
      const out = ['<explain xmlns="http://www.postgresql.org/2009/explain">', '  <Query>'];
      xmlEntries(queryObj(root, o, s), 4, out);
      out.push('  </Query>', '</explain>');
      return [out.join('\n')];
    }
  }
}

export { isNum };
