/**
 * The catalog: one immutable version of every schema object. A transaction that runs DDL works
 * on its own copy (`clone()`), mutates that copy in place, and publishes it at commit; abort drops
 * it. Records inside are shared between versions and never mutated (DDL replaces them), so a
 * clone costs one shallow copy of each map.
 *
 * Postgres counterpart: the system catalogs (src/include/catalog) plus relcache/syscache lookups.
 */
import type {
  AclItem,
  AuthMemberDef,
  CollationDef,
  PolicyDef,
  PublicationDef,
  EventTriggerDef,
  StatisticsDef,
  OperatorObjectDef,
  RoleDef,
  ColumnDef,
  ConstraintDef,
  ExtensionDef,
  FunctionDef,
  LargeObjectDef,
  NamespaceDef,
  RelationDef,
  RuleDef,
  TriggerDef,
  UserTypeDef,
} from './objects.js';

/** pg_default_acl.defaclobjtype: tables, sequences, functions, types, schemas, large objects. */
export type DefaultAclObjtype = 'r' | 'S' | 'f' | 'T' | 'n' | 'L';

let versionCounter = 0;

export class Catalog {
  version = ++versionCounter;
  namespaces = new Map<number, NamespaceDef>();
  namespaceByName = new Map<string, number>();
  relations = new Map<number, RelationDef>();
  /** `${namespaceOid}.${name}` → relation oid */
  relationByName = new Map<string, number>();
  constraints = new Map<number, ConstraintDef>();
  /** relation oid → its constraint oids (in creation order) */
  constraintsByRelation = new Map<number, readonly number[]>();
  /** relation oid → its index oids (in creation order) */
  indexesByRelation = new Map<number, readonly number[]>();
  types = new Map<number, UserTypeDef>();
  typeByName = new Map<string, number>();
  extensions = new Map<string, ExtensionDef>();
  /** `${classoid}.${objoid}.${subid}` → comment */
  comments = new Map<string, string>();
  /** User-defined functions and procedures (pg_proc rows; built-ins live in functions/registry.ts). */
  functions = new Map<number, FunctionDef>();
  /** `${namespaceOid}.${name}` → oids of the functions with that name (overloads). */
  functionsByName = new Map<string, readonly number[]>();
  triggers = new Map<number, TriggerDef>();
  /** relation oid → its trigger oids */
  triggersByRelation = new Map<number, readonly number[]>();
  /** CREATE RULE rules by OID (views' _RETURN rules are not stored: pg-views.ts makes them). */
  rules = new Map<number, RuleDef>();
  /** Text-search configurations made by CREATE TEXT SEARCH CONFIGURATION (built-ins live in src/tsearch/ts-config.ts). */
  tsConfigs = new Map<number, import('../tsearch/ts-config.js').TsConfig>();
  /** Roles (pg_authid) by OID and name; cluster-wide in Postgres, per database here. */
  roles = new Map<number, RoleDef>();
  roleByName = new Map<string, number>();
  /** pg_auth_members rows (replaced, never mutated). */
  authMembers: readonly AuthMemberDef[] = [];
  /** Row-level security policies by OID. */
  policies = new Map<number, PolicyDef>();
  /** Publications by OID (CREATE PUBLICATION). */
  publications = new Map<number, PublicationDef>();
  /** Event triggers by OID (CREATE EVENT TRIGGER). */
  eventTriggers = new Map<number, EventTriggerDef>();
  /** Extended statistics objects by OID (CREATE STATISTICS). */
  statistics = new Map<number, StatisticsDef>();
  /** User collations by OID (CREATE COLLATION). */
  collations = new Map<number, CollationDef>();
  /** User-defined and shell operators by OID (CREATE OPERATOR). */
  operators = new Map<number, OperatorObjectDef>();
  /** Large objects by OID (pg_largeobject_metadata with their pg_largeobject contents). */
  largeObjects = new Map<number, LargeObjectDef>();
  /** The database's datacl (undefined: the default). */
  databaseAcl: readonly AclItem[] | undefined;
  /** ALTER DEFAULT PRIVILEGES entries (pg_default_acl). */
  defaultAcls: readonly { readonly role: number; readonly namespace: number; readonly objtype: DefaultAclObjtype; readonly acl: readonly AclItem[] }[] = [];

  /** A private copy for a transaction to mutate. */
  clone(): Catalog {
    const c = new Catalog();
    c.namespaces = new Map(this.namespaces);
    c.namespaceByName = new Map(this.namespaceByName);
    c.relations = new Map(this.relations);
    c.relationByName = new Map(this.relationByName);
    c.constraints = new Map(this.constraints);
    c.constraintsByRelation = new Map(this.constraintsByRelation);
    c.indexesByRelation = new Map(this.indexesByRelation);
    c.types = new Map(this.types);
    c.typeByName = new Map(this.typeByName);
    c.extensions = new Map(this.extensions);
    c.comments = new Map(this.comments);
    c.functions = new Map(this.functions);
    c.functionsByName = new Map(this.functionsByName);
    c.triggers = new Map(this.triggers);
    c.triggersByRelation = new Map(this.triggersByRelation);
    c.rules = new Map(this.rules);
    c.tsConfigs = new Map(this.tsConfigs);
    c.roles = new Map(this.roles);
    c.roleByName = new Map(this.roleByName);
    c.authMembers = this.authMembers;
    c.policies = new Map(this.policies);
    c.publications = new Map(this.publications);
    c.eventTriggers = new Map(this.eventTriggers);
    c.statistics = new Map(this.statistics);
    c.collations = new Map(this.collations);
    c.operators = new Map(this.operators);
    c.largeObjects = new Map(this.largeObjects);
    c.databaseAcl = this.databaseAcl;
    c.defaultAcls = this.defaultAcls;
    return c;
  }

  /** Marks a change so cached plans keyed by version are not reused. */
  bump(): void {
    this.version = ++versionCounter;
  }

  // ---- lookups -------------------------------------------------------------------------------

  namespaceOid(name: string): number | undefined {
    return this.namespaceByName.get(name);
  }

  relationIn(namespace: number, name: string): RelationDef | undefined {
    const oid = this.relationByName.get(namespace + '.' + name);
    return oid === undefined ? undefined : this.relations.get(oid);
  }

  relation(oid: number): RelationDef {
    const r = this.relations.get(oid);
    if (!r) throw new Error(`fauxgres internal: relation ${oid} missing`);
    return r;
  }

  typeIn(namespace: number, name: string): UserTypeDef | undefined {
    const oid = this.typeByName.get(namespace + '.' + name);
    return oid === undefined ? undefined : this.types.get(oid);
  }

  relationConstraints(rel: number): ConstraintDef[] {
    return (this.constraintsByRelation.get(rel) ?? []).map((o) => this.constraints.get(o) as ConstraintDef);
  }

  relationIndexes(rel: number): RelationDef[] {
    return (this.indexesByRelation.get(rel) ?? []).map((o) => this.relation(o));
  }

  /** Foreign keys (on any table) that reference `rel`. */
  referencingForeignKeys(rel: number): ConstraintDef[] {
    const out: ConstraintDef[] = [];
    for (const c of this.constraints.values()) if (c.kind === 'f' && c.fk?.refRelation === rel) out.push(c);
    return out;
  }

  namespaceName(oid: number): string {
    return this.namespaces.get(oid)?.name ?? String(oid);
  }

  /** Live (not dropped) columns in attnum order. */
  static liveColumns(rel: RelationDef): ColumnDef[] {
    return rel.columns.filter((c) => !c.dropped);
  }

  // ---- mutations (only on a private clone) ---------------------------------------------------

  putNamespace(ns: NamespaceDef): void {
    this.namespaces.set(ns.oid, ns);
    this.namespaceByName.set(ns.name, ns.oid);
  }

  removeNamespace(oid: number): void {
    const ns = this.namespaces.get(oid);
    if (!ns) return;
    this.namespaces.delete(oid);
    this.namespaceByName.delete(ns.name);
  }

  putRelation(rel: RelationDef): void {
    const old = this.relations.get(rel.oid);
    if (old && (old.name !== rel.name || old.namespace !== rel.namespace)) {
      this.relationByName.delete(old.namespace + '.' + old.name);
    }
    this.relations.set(rel.oid, rel);
    this.relationByName.set(rel.namespace + '.' + rel.name, rel.oid);
    if (rel.kind === 'i' && rel.index && !old) {
      const list = this.indexesByRelation.get(rel.index.relation) ?? [];
      this.indexesByRelation.set(rel.index.relation, [...list, rel.oid]);
    }
  }

  removeRelation(oid: number): void {
    const rel = this.relations.get(oid);
    if (!rel) return;
    this.relations.delete(oid);
    this.relationByName.delete(rel.namespace + '.' + rel.name);
    if (rel.kind === 'i' && rel.index) {
      const list = this.indexesByRelation.get(rel.index.relation) ?? [];
      this.indexesByRelation.set(rel.index.relation, list.filter((o) => o !== oid));
    }
    for (const c of this.constraintsByRelation.get(oid) ?? []) {
      this.constraints.delete(c);
      this.comments.delete(`2606.${c}.0`);
    }
    this.constraintsByRelation.delete(oid);
    this.indexesByRelation.delete(oid);
    for (const key of [...this.comments.keys()]) if (key.split('.')[1] === String(oid)) this.comments.delete(key);
    for (const t of this.triggersByRelation.get(oid) ?? []) {
      this.triggers.delete(t);
      this.comments.delete(`2620.${t}.0`);
    }
    this.triggersByRelation.delete(oid);
    for (const r of [...this.rules.values()]) if (r.relation === oid) this.removeRule(r.oid);
    for (const p of [...this.policies.values()]) if (p.relation === oid) this.policies.delete(p.oid);
    for (const st of [...this.statistics.values()]) {
      if (st.relation !== oid) continue;
      this.statistics.delete(st.oid);
      this.comments.delete(`3381.${st.oid}.0`);
    }
  }

  putConstraint(c: ConstraintDef): void {
    const exists = this.constraints.has(c.oid);
    this.constraints.set(c.oid, c);
    if (!exists) {
      const list = this.constraintsByRelation.get(c.relation) ?? [];
      this.constraintsByRelation.set(c.relation, [...list, c.oid]);
    }
  }

  removeConstraint(oid: number): void {
    const c = this.constraints.get(oid);
    if (!c) return;
    this.constraints.delete(oid);
    this.comments.delete(`2606.${oid}.0`);
    const list = this.constraintsByRelation.get(c.relation) ?? [];
    this.constraintsByRelation.set(c.relation, list.filter((o) => o !== oid));
  }

  putType(t: UserTypeDef): void {
    const old = this.types.get(t.oid);
    if (old && (old.name !== t.name || old.namespace !== t.namespace)) this.typeByName.delete(old.namespace + '.' + old.name);
    this.types.set(t.oid, t);
    this.typeByName.set(t.namespace + '.' + t.name, t.oid);
  }

  removeType(oid: number): void {
    const t = this.types.get(oid);
    if (!t) return;
    this.types.delete(oid);
    this.typeByName.delete(t.namespace + '.' + t.name);
  }

  // ---- roles and policies ----------------------------------------------------------------------

  role(name: string): RoleDef | undefined {
    const oid = this.roleByName.get(name);
    return oid === undefined ? undefined : this.roles.get(oid);
  }

  putRole(r: RoleDef): void {
    const old = this.roles.get(r.oid);
    if (old && old.name !== r.name) this.roleByName.delete(old.name);
    this.roles.set(r.oid, r);
    this.roleByName.set(r.name, r.oid);
  }

  removeRole(oid: number): void {
    const r = this.roles.get(oid);
    if (!r) return;
    this.roles.delete(oid);
    this.roleByName.delete(r.name);
    this.authMembers = this.authMembers.filter((m) => m.role !== oid && m.member !== oid);
  }

  /** Policies of a relation, in name order. */
  relationPolicies(rel: number): PolicyDef[] {
    const out: PolicyDef[] = [];
    for (const p of this.policies.values()) if (p.relation === rel) out.push(p);
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  // ---- functions and triggers ----------------------------------------------------------------

  /** User functions named `name` in namespace `namespace` (every overload). */
  functionsIn(namespace: number, name: string): FunctionDef[] {
    return (this.functionsByName.get(namespace + '.' + name) ?? []).map((o) => this.functions.get(o) as FunctionDef);
  }

  putFunction(f: FunctionDef): void {
    const old = this.functions.get(f.oid);
    if (old && (old.name !== f.name || old.namespace !== f.namespace)) this.unlinkFunctionName(old);
    this.functions.set(f.oid, f);
    const key = f.namespace + '.' + f.name;
    const list = this.functionsByName.get(key) ?? [];
    if (!list.includes(f.oid)) this.functionsByName.set(key, [...list, f.oid]);
  }

  removeFunction(oid: number): void {
    const f = this.functions.get(oid);
    if (!f) return;
    this.functions.delete(oid);
    this.comments.delete(`1255.${oid}.0`);
    this.unlinkFunctionName(f);
  }

  private unlinkFunctionName(f: FunctionDef): void {
    const key = f.namespace + '.' + f.name;
    const list = (this.functionsByName.get(key) ?? []).filter((o) => o !== f.oid);
    if (list.length) this.functionsByName.set(key, list);
    else this.functionsByName.delete(key);
  }

  /** Triggers of a relation, in name order (the order Postgres fires them). */
  relationTriggers(rel: number): TriggerDef[] {
    const list = (this.triggersByRelation.get(rel) ?? []).map((o) => this.triggers.get(o) as TriggerDef);
    return list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  putTrigger(t: TriggerDef): void {
    const exists = this.triggers.has(t.oid);
    this.triggers.set(t.oid, t);
    if (!exists) this.triggersByRelation.set(t.relation, [...(this.triggersByRelation.get(t.relation) ?? []), t.oid]);
  }

  removeTrigger(oid: number): void {
    const t = this.triggers.get(oid);
    if (!t) return;
    this.triggers.delete(oid);
    this.comments.delete(`2620.${oid}.0`);
    const list = (this.triggersByRelation.get(t.relation) ?? []).filter((o) => o !== oid);
    if (list.length) this.triggersByRelation.set(t.relation, list);
    else this.triggersByRelation.delete(t.relation);
  }

  /** Rules of a relation, in name order (the order Postgres applies them). */
  relationRules(rel: number): RuleDef[] {
    const out: RuleDef[] = [];
    for (const r of this.rules.values()) if (r.relation === rel) out.push(r);
    return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  putRule(r: RuleDef): void {
    this.rules.set(r.oid, r);
  }

  removeRule(oid: number): void {
    this.rules.delete(oid);
    this.comments.delete(`2618.${oid}.0`);
  }
}
