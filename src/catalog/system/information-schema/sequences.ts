/**
 * information_schema.sequences (identity sequences excluded, as Postgres does).
 * Postgres counterpart: src/backend/catalog/information_schema.sql (sequences).
 */
import { defineRows } from '../registry.js';
import { relationsInOrder } from '../common.js';
import { describeType, yesNo } from './data-type.js';

defineRows('information_schema', 'sequences', {
  scope: 'catalog',
  *rows({ cat, session }) {
    const db = session.databaseName();
    for (const r of relationsInOrder(cat)) {
      const s = r.sequence;
      if (r.kind !== 'S' || !s || s.identity) continue;
      const d = describeType(cat, s.type, -1);
      yield {
        sequence_catalog: db, sequence_schema: cat.namespaceName(r.namespace), sequence_name: r.name, data_type: d.data_type,
        numeric_precision: d.numeric_precision, numeric_precision_radix: d.numeric_precision_radix, numeric_scale: d.numeric_scale,
        start_value: String(s.start), minimum_value: String(s.min), maximum_value: String(s.max), increment: String(s.increment), cycle_option: yesNo(s.cycle),
      };
    }
  },
});
