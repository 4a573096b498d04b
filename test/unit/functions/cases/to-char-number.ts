/** Cases for to_char on numbers: a matrix of values and templates. */
import { OID } from '../../../../src/types/oids.js';
import { fnCase, type Case } from '../harness.js';

const VALUES = ['0', '0.5', '-0.5', '12', '-12', '1234.567', '-1234.567', '0.004', '99.995', '100', '485', '3999', '4000', '1', '-0.004'];
const FORMATS = [
  '999', '9999.99', 'FM9999.99', '0000', '0000.00', '9,999.00', 'FM9,999', 'S999', '999S', '999MI', 'MI999', '999PR', 'FM999.0',
  'FM990.099', 'L999', '9G999D99', '99V9', 'SG999', 'PL999', '999.', 'FM999.', '.99', 'FM.99', '9990.9', 'FM0999', '99th', 'FM99TH',
  '0.0', 'FM9.9', '9 9 9', '"x"999', '$999', 'RN', 'FMRN', 'rn', 'FMS999', 'FM999MI', 'FMPL999', '9.99EEEE', 'FM9999999.00', '99999999999',
];

export function cases(): Case[] {
  const out: Case[] = [];
  for (const f of FORMATS) {
    for (const v of VALUES) {
      out.push(fnCase('to_char', [OID.numeric, OID.text], [v, f]));
      if (!v.includes('.')) out.push(fnCase('to_char', [OID.int4, OID.text], [v, f]), fnCase('to_char', [OID.int8, OID.text], [v, f]));
      if (!f.includes('EEEE')) out.push(fnCase('to_char', [OID.float8, OID.text], [v, f]));
    }
  }
  return out;
}
