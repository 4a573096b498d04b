/**
 * Result values as Postgres's text output (what psql prints and what the wire carries), including
 * the catalog-dependent types (regclass, regtype) that need the session.
 * Postgres counterpart: the type output functions called by printtup.c.
 */
import { OID } from '../types/oids.js';
import { typeInfo } from '../types/registry.js';
import type { Value } from '../types/values.js';
import type { Session } from './session.js';
import { regclassOut, regtypeOut } from '../analyze/regclass.js';
import type { Catalog } from '../catalog/catalog.js';
import { anonymousRecordText } from '../pl/record-text.js';
import type { PgRecord } from '../types/values.js';

export function outputFunction(session: Session, cat: Catalog, type: number): (v: Value) => string {
  if (type === OID.regclass) {
    return (v) => regclassOut({ params: [], session }, v as number);
  }
  if (type === OID.regtype) return (v) => regtypeOut({ params: [], session }, v as number);
  if (type === OID.record) return (v) => anonymousRecordText(cat, v as PgRecord, session.io);
  const io = typeInfo(cat, type).io;
  return (v) => io.output(v, session.io);
}
