/**
 * The NOT NULL constraints of CREATE TABLE as Postgres 18 merges them: one per column, named by
 * `CONSTRAINT name NOT NULL` (column or table level) or by default `tab_col_not_null`, NO INHERIT
 * when declared so; conflicting names or NO INHERIT declarations for one column are errors.
 * Postgres counterpart: src/backend/parser/parse_utilcmd.c (transformColumnDefinition, the
 * column-level merge) and catalog/heap.c (AddRelationNotNullConstraints, the table-level one).
 * Known gaps: LIKE's constraints are taken to come before every other element.
 */
import type { ColumnDef } from '../catalog/objects.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';

/** One column's not-null constraint so far: its given name, if any, and NO INHERIT. */
export interface NotNullSpec {
  name?: string;
  noInherit: boolean;
}

/** Collects a CREATE TABLE's not-null declarations in Postgres's order, then merges them. */
export class NotNullSpecs {
  private readonly byColumn = new Map<number, NotNullSpec>();
  private readonly tableLevel: { attnum: number; spec: NotNullSpec }[] = [];

  /** `serials`: serial columns carry an implicit NOT NULL declared before their constraints. */
  constructor(
    private readonly columns: readonly ColumnDef[],
    serials: readonly { attnum: number }[],
  ) {
    for (const s of serials) this.byColumn.set(s.attnum, { noInherit: false });
  }

  /** A column-level NOT NULL (explicit, or implied by PRIMARY KEY or an identity). */
  column(attnum: number, name: string | undefined, noInherit: boolean): void {
    const prev = this.byColumn.get(attnum);
    if (!prev) {
      this.byColumn.set(attnum, { name, noInherit });
      return;
    }
    // Postgres reports this one with elog (internal_error).
    if (prev.name && name && prev.name !== name) throw new PgError(SQLSTATE.internal_error, `conflicting not-null constraint names "${prev.name}" and "${name}"`);
    if (prev.noInherit !== noInherit) throw new PgError(SQLSTATE.syntax_error, `conflicting NO INHERIT declarations for not-null constraints on column "${this.columns[attnum - 1].name}"`);
    if (!prev.name && name) prev.name = name;
  }

  /** A table-level `NOT NULL col` (or a table-level PRIMARY KEY's column). */
  table(attnum: number, name: string | undefined, noInherit: boolean): void {
    this.tableLevel.push({ attnum, spec: { name, noInherit } });
  }

  /**
   * The merged constraint of each column (AddRelationNotNullConstraints): LIKE's, then the
   * column-level ones in column order, then the table-level ones.
   */
  merged(likeNames: ReadonlyMap<number, string>, table: string, partitioned: boolean): Map<number, NotNullSpec> {
    const list: { attnum: number; spec: NotNullSpec }[] = [];
    for (const [attnum, name] of likeNames) list.push({ attnum, spec: { name, noInherit: false } });
    for (const attnum of [...this.byColumn.keys()].sort((a, b) => a - b)) list.push({ attnum, spec: this.byColumn.get(attnum)! });
    list.push(...this.tableLevel);
    const out = new Map<number, NotNullSpec>();
    const given = new Set<string>();
    for (const { attnum, spec } of list) {
      const prev = out.get(attnum);
      if (!prev) {
        out.set(attnum, { ...spec });
        continue;
      }
      const col = this.columns[attnum - 1].name;
      if (prev.noInherit !== spec.noInherit) throw new PgError(SQLSTATE.syntax_error, `conflicting NO INHERIT declaration for not-null constraint on column "${col}"`);
      if (spec.name) {
        if (!prev.name) prev.name = spec.name;
        else if (prev.name !== spec.name) throw new PgError(SQLSTATE.syntax_error, `conflicting not-null constraint names "${prev.name}" and "${spec.name}"`);
      }
    }
    for (const spec of out.values()) {
      if (partitioned && spec.noInherit) throw new PgError(SQLSTATE.feature_not_supported, 'not-null constraints on partitioned tables cannot be NO INHERIT');
      if (!spec.name) continue;
      if (given.has(spec.name)) throw new PgError(SQLSTATE.duplicate_object, `constraint "${spec.name}" for relation "${table}" already exists`);
      given.add(spec.name);
    }
    return out;
  }
}
