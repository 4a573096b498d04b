/**
 * The function forms pg_proc exposes behind the json/jsonb operators (json_object_field for
 * `json -> text`, jsonb_delete for `jsonb - text`, ...), sharing the operators' implementations,
 * and json_each / json_each_text over the original json text (values keep their formatting,
 * duplicate keys are all returned, as Postgres does for json).
 *
 * Postgres counterpart: src/backend/utils/adt/jsonfuncs.c (json_object_field, json_each_worker,
 * jsonb_array_element, ...), jsonb_op.c (jsonb_contained).
 * Known gaps: none known.
 */
import { PgError } from '../../errors/pg-error.js';
import { SQLSTATE } from '../../errors/sqlstate.js';
import { OID } from '../../types/oids.js';
import { PgRecord, type Value } from '../../types/values.js';
import { fn, operatorsNamed } from '../registry.js';
import { jsonNodeText } from './json-text.js';
import { jsonTreeDecoded } from './jsonb-ops.js';
import './jsonb-ops.js';

const J = OID.json;
const JB = OID.jsonb;
const T = OID.text;
const I4 = OID.int4;
const TA = OID._text;

/** Registers `name(left, right)` with the implementation of the operator `opName(left, right)`. */
function operatorFunction(name: string, opName: string, left: number, right: number, variadic?: number): void {
  const o = operatorsNamed(opName).find((d) => d.left === left && d.right === right);
  if (!o) throw new Error(`json-named: operator ${opName}(${left}, ${right}) not registered`);
  fn(name, [left, right], o.result, o.fn.fn, variadic === undefined ? {} : { variadic });
}

operatorFunction('json_object_field', '->', J, T);
operatorFunction('json_object_field_text', '->>', J, T);
operatorFunction('json_array_element', '->', J, I4);
operatorFunction('json_array_element_text', '->>', J, I4);
operatorFunction('jsonb_object_field', '->', JB, T);
operatorFunction('jsonb_object_field_text', '->>', JB, T);
operatorFunction('jsonb_array_element', '->', JB, I4);
operatorFunction('jsonb_array_element_text', '->>', JB, I4);
operatorFunction('jsonb_delete', '-', JB, T);
operatorFunction('jsonb_delete', '-', JB, I4);
operatorFunction('jsonb_delete', '-', JB, TA, TA);
operatorFunction('jsonb_contained', '<@', JB, JB);

function jsonEach(a: Value[], asText: boolean): PgRecord[] {
  const text = a[0] as string;
  const n = jsonTreeDecoded(text);
  if (n.kind !== 'object') {
    throw new PgError(SQLSTATE.invalid_parameter_value, n.kind === 'array' ? 'cannot deconstruct an array as an object' : 'cannot deconstruct a scalar');
  }
  const types = [T, asText ? T : J];
  return n.fields.map(([k, v]) => new PgRecord([k, asText ? jsonNodeText(text, v) : text.slice(v.start, v.end)], ['key', 'value'], types));
}
fn('json_each', [J], OID.record, (a) => jsonEach(a, false), { retset: true, outColumns: [{ name: 'key', type: T }, { name: 'value', type: J }] });
fn('json_each_text', [J], OID.record, (a) => jsonEach(a, true), { retset: true, outColumns: [{ name: 'key', type: T }, { name: 'value', type: T }] });
