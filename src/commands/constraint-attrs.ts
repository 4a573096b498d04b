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

/**
 * Whether a CHECK or FOREIGN KEY constraint node says NOT ENFORCED (the parser leaves is_enforced
 * unset on a table constraint written NOT ENFORCED, and sets it on every other).
 */
export function isNotEnforced(con: AnyNode): boolean {
  return con.is_enforced === false || (con.is_enforced === undefined && con.skip_validation === true);
}

/** Returns `prev` (the constraint node before the attribute) with the attribute `attr` applied. */
export function applyConstraintAttr(prev: AnyNode | undefined, attr: AnyNode, position: string | undefined): AnyNode {
  if (attr.contype === 'CONSTR_ATTR_ENFORCED' || attr.contype === 'CONSTR_ATTR_NOT_ENFORCED') {
    const word = attr.contype === 'CONSTR_ATTR_ENFORCED' ? 'ENFORCED' : 'NOT ENFORCED';
    if (!prev || (prev.contype !== 'CONSTR_CHECK' && prev.contype !== 'CONSTR_FOREIGN')) throw new PgError(SQLSTATE.syntax_error, `misplaced ${word} clause`, { position });
    if (prev.__enforcedSet) throw new PgError(SQLSTATE.syntax_error, 'multiple ENFORCED/NOT ENFORCED clauses not allowed', { position });
    const enforced = attr.contype === 'CONSTR_ATTR_ENFORCED';
    return { ...prev, __enforcedSet: true, is_enforced: enforced, ...(enforced ? {} : { skip_validation: true, initially_valid: false }) };
  }
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
