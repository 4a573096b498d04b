/**
 * PL/pgSQL name scopes: each block, FOR loop and exception handler opens one, optionally
 * labelled; the function itself is the outermost, labelled with its name (`f.param`). A name
 * resolves to the innermost declaration; `label.name` to the declaration in that labelled scope.
 *
 * Postgres counterpart: src/pl/plpgsql/src/pl_funcs.c (plpgsql_ns_*).
 */
export class Scope {
  readonly names = new Map<string, number>();

  constructor(
    readonly parent: Scope | undefined,
    readonly label: string | undefined,
  ) {}

  /** The datum a name declares here or in an enclosing scope. */
  find(name: string): number | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const d = s.names.get(name);
      if (d !== undefined) return d;
    }
    return undefined;
  }

  /** The innermost enclosing scope with this label. */
  findLabel(label: string): Scope | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) if (s.label === label) return s;
    return undefined;
  }
}
