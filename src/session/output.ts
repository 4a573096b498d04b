/**
 * Result values as Postgres's text output (what psql prints and what the wire carries), including
 * the catalog-dependent types (regclass, regtype, regproc, regnamespace, ... and their arrays)
 * that need the session.
 * Postgres counterpart: the type output functions called by printtup.c.
 */
import { OID } from '../types/oids.js';
import { typeInfo } from '../types/registry.js';
import type { Value } from '../types/values.js';
import type { Session } from './session.js';
import { regOutput } from '../analyze/regclass.js';
import { formatArrayText } from '../types/array.js';
import type { Catalog } from '../catalog/catalog.js';
import { anonymousRecordText } from '../pl/record-text.js';
import type { PgArray, PgRecord } from '../types/values.js';
import { bpcharIO, nameIO, textIO, varcharIO } from '../types/text.js';
import { int2IO, int4IO } from '../types/int.js';
import { timestampIO, timestamptzIO } from '../types/datetime/timestamp.js';

export function outputFunction(session: Session, cat: Catalog, type: number): (v: Value) => string {
  // The reg* types print names looked up in the session's catalog and search path.
  const reg = regOutput(type);
  if (reg) return (v) => reg({ params: [], session }, v as number);
  if (type === OID.record) return (v) => anonymousRecordText(cat, v as PgRecord, session.io);
  const info = typeInfo(cat, type);
  if (info.category === 'A' && info.elem !== undefined && regOutput(info.elem)) {
    const el = outputFunction(session, cat, info.elem);
    return (v) => formatArrayText(v as PgArray, ',', el);
  }
  const io = info.io;
  return (v) => io.output(v, session.io);
}

/**
 * Types whose text output a writer can produce without calling the output function: 'string'
 * when a value is its own text (text, varchar, bpchar, name), 'int' for int2/int4 (a JS number
 * printed in decimal), 'timestamp' / 'timestamptz' for writeTimestampIso. Undefined for
 * everything else (and for the reg* types, whose values are numbers printed as names).
 */
export function directOutput(cat: Catalog, type: number): 'string' | 'int' | 'timestamp' | 'timestamptz' | undefined {
  if (regOutput(type) || type === OID.record) return undefined;
  const io = typeInfo(cat, type).io;
  if (io === textIO || io === varcharIO || io === bpcharIO || io === nameIO) return 'string';
  if (io === int4IO || io === int2IO) return 'int';
  if (io === timestamptzIO) return 'timestamptz';
  if (io === timestampIO) return 'timestamp';
  return undefined;
}
