/** The date/time family's TypeIO objects, gathered for the built-in type table. */
export { dateIO } from './datetime/date.js';
export { timeIO } from './datetime/time.js';
export { timetzIO } from './datetime/timetz.js';
export { timestampIO, timestamptzIO } from './datetime/timestamp.js';
export { intervalIO } from './datetime/interval.js';
