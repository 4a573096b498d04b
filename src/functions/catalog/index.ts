/**
 * Registers the catalog functions (side-effect imports).
 */
import './ruleutils-functions.js';
import './object-functions.js';
import './privilege-functions.js';
import './comment-functions.js';
import './size-functions.js';
import './function-info.js';
import './updatable-functions.js';
import './object-address-functions.js';
