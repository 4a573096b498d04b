/**
 * Loads every row source so the registry knows which system relations have rows.
 * Postgres counterpart: none (the catalogs are heaps there).
 */
import './pg-namespace.js';
import './pg-class.js';
import './pg-attribute.js';
import './pg-attrdef.js';
import './pg-constraint.js';
import './pg-index.js';
import './pg-partition.js';
import './information-schema/tables.js';
import './information-schema/columns.js';
import './pg-views.js';
import './pg-extension.js';
import './pg-description.js';
import './pg-database.js';
import './pg-roles.js';
import './pg-policy.js';
import './pg-statistic-ext.js';
import './pg-operator.js';
import './pg-rules.js';
import './pg-publication.js';
import './pg-event-trigger.js';
import './pg-type.js';
import './pg-proc.js';
import './pg-misc.js';
import './pg-range.js';
import './pg-settings.js';
import './information-schema/constraints.js';
import './information-schema/sequences.js';
import './pg-stat.js';
import './information-schema/routines.js';
import './information-schema/privileges.js';
import './pg-trigger.js';
import './pg-cursors.js';
import './pg-ts.js';
import './pg-prepared-statements.js';
import './pg-timezone.js';
import './pg-locks.js';
import './pg-stat-activity.js';
import './pg-aggregate.js';
import './pg-largeobject.js';
