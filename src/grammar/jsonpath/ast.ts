/**
 * The jsonpath syntax tree. A path is a chain of items linked by `next` (`$.a[*]` is
 * root → key "a" → anyArray); operators and filters hold sub-chains as arguments.
 *
 * Postgres counterpart: JsonPathParseItem / JsonPathItemType in src/include/utils/jsonpath.h.
 */
import type { Numeric } from '../../types/numeric/numeric-value.js';

/** `**{first to last}` bound meaning `last` (Postgres's PG_UINT32_MAX). */
export const ANY_LAST = 0xffffffff;

export type JpBinaryOp = '&&' | '||' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%' | 'starts with';

/** Item methods without arguments (`.type()`, `.size()`, ...). */
export type JpMethod =
  | 'type' | 'size' | 'abs' | 'floor' | 'ceiling' | 'double' | 'keyvalue'
  | 'bigint' | 'boolean' | 'date' | 'integer' | 'number' | 'string';

/** Datetime methods with an optional argument (template for datetime, precision for the others). */
export type JpDatetimeMethod = 'datetime' | 'time' | 'time_tz' | 'timestamp' | 'timestamp_tz';

export type JpItemBody =
  | { readonly kind: 'root' }
  | { readonly kind: 'current' }
  | { readonly kind: 'last' }
  | { readonly kind: 'variable'; readonly name: string }
  | { readonly kind: 'null' }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'numeric'; readonly value: Numeric }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'key'; readonly name: string }
  | { readonly kind: 'anyKey' }
  | { readonly kind: 'anyArray' }
  | { readonly kind: 'indexArray'; readonly subscripts: readonly { readonly from: JpItem; readonly to: JpItem | null }[] }
  | { readonly kind: 'any'; readonly first: number; readonly last: number }
  | { readonly kind: 'filter'; readonly arg: JpItem }
  | { readonly kind: 'method'; readonly method: JpMethod }
  | { readonly kind: 'datetimeMethod'; readonly method: JpDatetimeMethod; readonly arg: JpItem | null }
  | { readonly kind: 'decimal'; readonly precision: JpItem | null; readonly scale: JpItem | null }
  | { readonly kind: 'binary'; readonly op: JpBinaryOp; readonly left: JpItem; readonly right: JpItem }
  | { readonly kind: 'unary'; readonly op: '+' | '-'; readonly arg: JpItem }
  | { readonly kind: 'not'; readonly arg: JpItem }
  | { readonly kind: 'isUnknown'; readonly arg: JpItem }
  | { readonly kind: 'exists'; readonly arg: JpItem }
  | { readonly kind: 'likeRegex'; readonly expr: JpItem; readonly pattern: string; readonly flags: string };

/** One item and the rest of its chain. */
export type JpItem = JpItemBody & { next: JpItem | null };

/** A parsed jsonpath value (the SQL type's in-memory form): the mode and the expression. */
export class JsonPath {
  constructor(
    readonly lax: boolean,
    readonly expr: JpItem,
    /** Canonical text (jsonpath_out), computed once. */
    readonly text: string,
  ) {}
}

/** The priority Postgres's printer uses to decide parentheses (operationPriority). */
export function operationPriority(item: JpItem): number {
  switch (item.kind) {
    case 'binary':
      switch (item.op) {
        case '||':
          return 0;
        case '&&':
          return 1;
        case '+':
        case '-':
          return 3;
        case '*':
        case '/':
        case '%':
          return 4;
        default:
          return 2;
      }
    case 'unary':
      return 5;
    default:
      return 6;
  }
}
