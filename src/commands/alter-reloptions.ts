/**
 * ALTER TABLE / INDEX / VIEW / MATERIALIZED VIEW ... SET (...) / RESET (...): storage
 * parameters of an existing relation, validated for its kind; a view's check_option becomes its
 * WITH CHECK OPTION (refused on views that are not automatically updatable).
 * Postgres counterpart: src/backend/commands/tablecmds.c (ATExecSetRelOptions).
 */
import type { Catalog } from '../catalog/catalog.js';
import type { RelationDef } from '../catalog/objects.js';
import { PgError, featureNotSupported } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import type { Session } from '../session/session.js';
import { indexOptionKind, transformRelOptions, validateRelOptions, viewBoolOption, viewCheckOption, type RelOptionKind } from './reloptions.js';
import { checkViewCheckOption } from './view.js';

type AnyNode = Record<string, any>;

export function isRelOptionsCommand(cmd: AnyNode): boolean {
  return cmd.subtype === 'AT_SetRelOptions' || cmd.subtype === 'AT_ResetRelOptions';
}

const OBJECT_KINDS: Record<string, { kinds: string; what: string }> = {
  OBJECT_INDEX: { kinds: 'i', what: 'an index' },
  OBJECT_VIEW: { kinds: 'v', what: 'a view' },
  OBJECT_MATVIEW: { kinds: 'm', what: 'a materialized view' },
};

export function alterRelOptions(session: Session, cat: Catalog, rel: RelationDef, cmd: AnyNode, objtype: string): void {
  const expected = OBJECT_KINDS[objtype];
  if (expected && !expected.kinds.includes(rel.kind)) throw new PgError(SQLSTATE.wrong_object_type, `"${rel.name}" is not ${expected.what}`);
  let kind: RelOptionKind;
  if (rel.kind === 'r' || rel.kind === 'm') kind = 'heap';
  else if (rel.kind === 'v') kind = 'view';
  else if (rel.kind === 'i') kind = indexOptionKind(rel.index!.method);
  else throw featureNotSupported('storage parameters of this relation kind');
  const options = transformRelOptions(rel.options, (cmd.def?.List?.items ?? cmd.def ?? []) as AnyNode[], { reset: cmd.subtype === 'AT_ResetRelOptions' });
  validateRelOptions(options, kind);
  let next: RelationDef = { ...rel, options: options.length ? options : undefined };
  if (rel.kind === 'v') {
    const checkOption = viewCheckOption(options);
    if (checkOption) checkViewCheckOption(session, rel);
    next = {
      ...next,
      view: { ...rel.view!, checkOption, securityBarrier: viewBoolOption(options, 'security_barrier'), securityInvoker: viewBoolOption(options, 'security_invoker') },
    };
  }
  cat.putRelation(next);
}
