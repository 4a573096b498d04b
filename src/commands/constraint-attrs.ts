/**
 * Column-constraint attribute clauses (DEFERRABLE, NOT DEFERRABLE, INITIALLY DEFERRED / IMMEDIATE):
 * they modify the constraint written just before them, with Postgres's errors when misplaced or
 * contradictory.
 * Postgres counterpart: src/backend/parser/parse_utilcmd.c (transformConstraintAttrs).
 */
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';

type AnyNode = Record<string, any>;

const DEFERRABLE_KINDS = new Set(['CONSTR_PRIMARY', 'CONSTR_UNIQUE', 'CONSTR_FOREIGN', 'CONSTR_EXCLUSION']);

/** Returns `prev` (the constraint node before the attribute) with the attribute `attr` applied. */
export function applyConstraintAttr(prev: AnyNode | undefined, attr: AnyNode, position: string | undefined): AnyNode {
  const word: Record<string, string> = {
    CONSTR_ATTR_DEFERRABLE: 'DEFERRABLE',
    CONSTR_ATTR_NOT_DEFERRABLE: 'NOT DEFERRABLE',
    CONSTR_ATTR_DEFERRED: 'INITIALLY DEFERRED',
    CONSTR_ATTR_IMMEDIATE: 'INITIALLY IMMEDIATE',
  };
  if (!prev || !DEFERRABLE_KINDS.has(prev.contype)) {
    throw new PgError(SQLSTATE.syntax_error, `misplaced ${word[attr.contype]} clause`, { position });
  }
  const out: AnyNode = { ...prev };
  switch (attr.contype) {
    case 'CONSTR_ATTR_DEFERRABLE':
    case 'CONSTR_ATTR_NOT_DEFERRABLE': {
      if (prev.__deferrableSet) throw new PgError(SQLSTATE.syntax_error, 'multiple DEFERRABLE/NOT DEFERRABLE clauses not allowed', { position });
      out.__deferrableSet = true;
      out.deferrable = attr.contype === 'CONSTR_ATTR_DEFERRABLE';
      if (!out.deferrable && out.initdeferred) throw new PgError(SQLSTATE.syntax_error, 'constraint declared INITIALLY DEFERRED must be DEFERRABLE', { position });
      break;
    }
    default: {
      if (prev.__initiallySet) throw new PgError(SQLSTATE.syntax_error, 'multiple INITIALLY IMMEDIATE/DEFERRED clauses not allowed', { position });
      out.__initiallySet = true;
      out.initdeferred = attr.contype === 'CONSTR_ATTR_DEFERRED';
      if (out.initdeferred) {
        if (prev.__deferrableSet && !prev.deferrable) throw new PgError(SQLSTATE.syntax_error, 'constraint declared INITIALLY DEFERRED must be DEFERRABLE', { position });
        out.deferrable = true;
      }
    }
  }
  return out;
}
