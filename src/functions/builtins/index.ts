/**
 * Loads the built-in function, operator and aggregate library: each module registers its
 * entries with ../registry.ts when imported. Import this once before analyzing SQL.
 *
 * Postgres counterpart: pg_proc.dat / pg_operator.dat / pg_aggregate.dat as a whole.
 */
import './comparison.js';
import './int-ops.js';
import './float-ops.js';
import './numeric-ops.js';
import './text-ops.js';
import './string-functions.js';
import './string-format.js';
import './string-encode.js';
import './regexp-functions.js';
import './math-functions.js';
import './random.js';
import './datetime-ops.js';
import './datetime-functions.js';
import './datetime-overlaps.js';
import './to-char.js';
import './to-char-number.js';
import './to-number.js';
import './to-timestamp.js';
import './jsonb-ops.js';
import './jsonpath-functions.js';
import './json-functions.js';
import './json-populate.js';
import './json-named.js';
import './array-ops.js';
import './array-functions.js';
import './array-sort.js';
import './aggregates.js';
import './aggregates-collect.js';
import './aggregates-stats.js';
import './aggregates-regr.js';
import './misc-functions.js';
import './input-validation.js';
import './range-ops.js';
import './multirange-ops.js';
import './network-ops.js';
import './mac-ops.js';
import './pg-lsn-ops.js';
import './hash-functions.js';
import './money-ops.js';
import './geo/geo-register.js';
import './bit-ops.js';
import './xact-functions.js';
import './tsearch-functions.js';
import './session-info.js';
import './string-extra.js';
import './column-size.js';
import './bytea-bits.js';
import './operator-functions.js';
