/**
 * jsonpath_out: Postgres's canonical text of a parsed path (keys and strings quoted, operators
 * spaced, parentheses where the operand's priority requires them).
 *
 * Postgres counterpart: printJsonPathItem / jsonPathToCstring in src/backend/utils/adt/jsonpath.c.
 */
import { escapeJsonString } from '../../types/jsonb/output.js';
import { ANY_LAST, operationPriority, type JpItem } from './ast.js';

/** The canonical text of a whole path (`strict ` prefix when not lax). */
export function printJsonPath(lax: boolean, expr: JpItem): string {
  const out: string[] = [];
  if (!lax) out.push('strict ');
  printItem(out, expr, false, true);
  return out.join('');
}

function printItem(out: string[], v: JpItem, inKey: boolean, brackets: boolean): void {
  switch (v.kind) {
    case 'null':
      out.push('null');
      break;
    case 'string':
      out.push(escapeJsonString(v.value));
      break;
    case 'numeric':
      out.push(v.next ? `(${v.value.toString()})` : v.value.toString());
      break;
    case 'bool':
      out.push(v.value ? 'true' : 'false');
      break;
    case 'binary': {
      if (brackets) out.push('(');
      const p = operationPriority(v);
      printItem(out, v.left, false, operationPriority(v.left) <= p);
      out.push(` ${v.op} `);
      printItem(out, v.right, false, operationPriority(v.right) <= p);
      if (brackets) out.push(')');
      break;
    }
    case 'not':
      out.push('!(');
      printItem(out, v.arg, false, false);
      out.push(')');
      break;
    case 'isUnknown':
      out.push('(');
      printItem(out, v.arg, false, false);
      out.push(') is unknown');
      break;
    case 'unary':
      if (brackets) out.push('(');
      out.push(v.op);
      printItem(out, v.arg, false, operationPriority(v.arg) <= 5);
      if (brackets) out.push(')');
      break;
    case 'anyArray':
      out.push('[*]');
      break;
    case 'anyKey':
      out.push(inKey ? '.*' : '*');
      break;
    case 'indexArray':
      out.push('[');
      v.subscripts.forEach((s, i) => {
        if (i) out.push(',');
        printItem(out, s.from, false, false);
        if (s.to) {
          out.push(' to ');
          printItem(out, s.to, false, false);
        }
      });
      out.push(']');
      break;
    case 'any': {
      if (inKey) out.push('.');
      const lv = (n: number) => (n === ANY_LAST ? 'last' : String(n));
      if (v.first === 0 && v.last === ANY_LAST) out.push('**');
      else if (v.first === v.last) out.push(`**{${lv(v.first)}}`);
      else out.push(`**{${lv(v.first)} to ${lv(v.last)}}`);
      break;
    }
    case 'key':
      if (inKey) out.push('.');
      out.push(escapeJsonString(v.name));
      break;
    case 'current':
      out.push('@');
      break;
    case 'root':
      out.push('$');
      break;
    case 'variable':
      out.push('$' + escapeJsonString(v.name));
      break;
    case 'filter':
      out.push('?(');
      printItem(out, v.arg, false, false);
      out.push(')');
      break;
    case 'exists':
      out.push('exists (');
      printItem(out, v.arg, false, false);
      out.push(')');
      break;
    case 'method':
      out.push(`.${v.method}()`);
      break;
    case 'datetimeMethod':
      out.push(`.${v.method}(`);
      if (v.arg) printItem(out, v.arg, false, false);
      out.push(')');
      break;
    case 'decimal':
      out.push('.decimal(');
      if (v.precision) printItem(out, v.precision, false, false);
      if (v.scale) {
        out.push(',');
        printItem(out, v.scale, false, false);
      }
      out.push(')');
      break;
    case 'last':
      out.push('last');
      break;
    case 'likeRegex':
      if (brackets) out.push('(');
      printItem(out, v.expr, false, operationPriority(v.expr) <= 6);
      out.push(' like_regex ', escapeJsonString(v.pattern));
      if (v.flags) out.push(` flag "${v.flags}"`);
      if (brackets) out.push(')');
      break;
    default: {
      const never: never = v;
      throw new Error(`unknown jsonpath item ${(never as JpItem).kind}`);
    }
  }
  if (v.next) printItem(out, v.next, true, true);
}
