/**
 * The citext extension's comparison operators (case-insensitive), declared on its fixed OIDs.
 * They are only reachable once CREATE EXTENSION citext has created the type.
 * Postgres counterpart: contrib/citext/citext--1.4.sql.
 */
import { OID } from '../types/oids.js';
import { CITEXT_OID } from '../types/citext.js';
import { compareCitext } from '../types/collation.js';
import { op } from './registry.js';

const C = CITEXT_OID;
const cmp = (a: unknown, b: unknown) => compareCitext(a as string, b as string);
op('=', C, C, OID.bool, (a, b) => cmp(a, b) === 0, { commutator: '=', negator: '<>' });
op('<>', C, C, OID.bool, (a, b) => cmp(a, b) !== 0, { commutator: '<>', negator: '=' });
op('<', C, C, OID.bool, (a, b) => cmp(a, b) < 0, { commutator: '>', negator: '>=' });
op('<=', C, C, OID.bool, (a, b) => cmp(a, b) <= 0, { commutator: '>=', negator: '>' });
op('>', C, C, OID.bool, (a, b) => cmp(a, b) > 0, { commutator: '<', negator: '<=' });
op('>=', C, C, OID.bool, (a, b) => cmp(a, b) >= 0, { commutator: '<=', negator: '<' });
