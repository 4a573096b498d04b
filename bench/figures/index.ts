/**
 * The figures by name.
 *
 * Postgres counterpart: none.
 */
import type { FigureName } from '../options.js';
import type { Figure } from './context.js';
import { insertFigure } from './insert.js';
import { insertPlainFigure } from './insert-plain.js';
import { joinAggFigure } from './join-agg.js';
import { memoryFigure } from './memory.js';
import { parseHeavyFigure } from './parse-heavy.js';
import { readyFigure } from './ready.js';
import { resetFigure } from './reset.js';
import { scaleFigure } from './scale.js';
import { selectPkFigure } from './select-pk.js';
import { txnFigure } from './txn.js';

/** Every figure, keyed by its name. */
export const FIGURE_RUNNERS: Readonly<Record<FigureName, Figure>> = {
  ready: readyFigure,
  insert: insertFigure,
  insert_plain: insertPlainFigure,
  select_pk: selectPkFigure,
  join_agg: joinAggFigure,
  parse_heavy: parseHeavyFigure,
  txn: txnFigure,
  reset: resetFigure,
  scale: scaleFigure,
  memory: memoryFigure,
};
