/**
 * Loads the contrib extensions beyond pgcrypto / uuid-ossp / citext: their functions, operators
 * and types register here and become callable once CREATE EXTENSION installs them.
 */
import './pg-trgm.js';
import './unaccent.js';
import './fuzzystrmatch.js';
import './pg-stat-statements.js';
import './moddatetime.js';
import './hstore.js';
