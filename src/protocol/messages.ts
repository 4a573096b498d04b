/**
 * Backend message encoders shared by the connection state machine: ErrorResponse / NoticeResponse,
 * RowDescription, ParameterStatus, command tags.
 * Postgres counterpart: src/backend/utils/error/elog.c (send_message_to_frontend),
 * src/backend/access/common/printtup.c (SendRowDescriptionMessage), tcop/cmdtag.c.
 */
import type { PgError } from '../errors/pg-error.js';
import type { ResultField, StatementResult } from '../session/dispatch.js';
import type { MessageWriter } from './writer.js';

export const MSG = {
  authentication: 0x52, // R
  parameterStatus: 0x53, // S
  backendKeyData: 0x4b, // K
  readyForQuery: 0x5a, // Z
  rowDescription: 0x54, // T
  dataRow: 0x44, // D
  commandComplete: 0x43, // C
  emptyQuery: 0x49, // I
  error: 0x45, // E
  notice: 0x4e, // N
  parseComplete: 0x31, // 1
  bindComplete: 0x32, // 2
  closeComplete: 0x33, // 3
  noData: 0x6e, // n
  portalSuspended: 0x73, // s
  parameterDescription: 0x74, // t
  notification: 0x41, // A
  copyIn: 0x47, // G
  copyOut: 0x48, // H
  copyData: 0x64, // d
  copyDone: 0x63, // c
  negotiateProtocol: 0x76, // v
} as const;

/** ErrorResponse ('E') or NoticeResponse ('N') with every field Postgres sends that fauxgres knows. */
export function writeErrorFields(w: MessageWriter, type: number, e: PgError): void {
  w.begin(type);
  const field = (code: string, v: string | undefined) => {
    if (v !== undefined && v !== null) w.byte(code.charCodeAt(0)).cstring(String(v));
  };
  field('S', e.severity);
  field('V', e.severity);
  field('C', e.code);
  field('M', e.message);
  field('D', e.detail);
  field('H', e.hint);
  field('P', e.position);
  field('p', e.internalPosition);
  field('q', e.internalQuery);
  field('W', e.where);
  field('s', e.schema);
  field('t', e.table);
  field('c', e.column);
  field('d', e.dataType);
  field('n', e.constraint);
  w.byte(0);
  w.end();
}

export function writeRowDescription(w: MessageWriter, fields: readonly ResultField[], formats: readonly number[]): void {
  w.begin(MSG.rowDescription).int16(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    w.cstring(f.name).int32(f.tableID).int16(f.columnID).int32(f.dataTypeID).int16(f.dataTypeSize).int32(f.dataTypeModifier).int16(formatOf(formats, i));
  }
  w.end();
}

/** The format code of column i given a Bind's result-format list (none: text; one: all). */
export function formatOf(formats: readonly number[], i: number): number {
  return formats.length === 0 ? 0 : formats.length === 1 ? formats[0] : (formats[i] ?? 0);
}

export function writeParameterStatus(w: MessageWriter, name: string, value: string): void {
  w.begin(MSG.parameterStatus).cstring(name).cstring(value).end();
}

export function writeReady(w: MessageWriter, status: 'I' | 'T' | 'E'): void {
  w.begin(MSG.readyForQuery).byte(status === 'I' ? 0x49 : status === 'T' ? 0x54 : 0x45).end();
}

/** The CommandComplete tag: `INSERT 0 n`, `SELECT n`, `UPDATE n`, or the bare command name. */
export function commandTag(r: StatementResult): string {
  switch (r.command) {
    case 'INSERT':
      return `INSERT ${r.oid ?? 0} ${r.rowCount ?? 0}`;
    case 'SELECT':
    case 'UPDATE':
    case 'DELETE':
    case 'MERGE':
    case 'COPY':
    case 'FETCH':
    case 'MOVE':
      return `${r.command} ${r.rowCount ?? 0}`;
    default:
      return r.command;
  }
}

/** Whether a result carries rows (RowDescription + DataRows) rather than only a tag. */
export function returnsRows(r: StatementResult): boolean {
  return r.fields.length > 0 || r.command === 'SELECT';
}
