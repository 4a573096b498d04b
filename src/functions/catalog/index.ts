/**
 * Registers the catalog functions (side-effect imports).
 */
import './ruleutils-functions.js';
