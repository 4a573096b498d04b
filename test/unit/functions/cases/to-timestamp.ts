/** Cases for to_date / to_timestamp(text, text). */
import { OID } from '../../../../src/types/oids.js';
import { fnCase, type Case } from '../harness.js';

const PAIRS: [string, string][] = [
  ['2024-03-05', 'YYYY-MM-DD'], ['05 Mar 2024', 'DD Mon YYYY'], ['20240305', 'YYYYMMDD'], ['2024/3/5', 'YYYY-MM-DD'], ['March 5, 2024', 'Month DD, YYYY'],
  ['5-3-24', 'DD-MM-YY'], ['2024 065', 'YYYY DDD'], ['2460375', 'J'], ['2024-03-05 14:07:09.123', 'YYYY-MM-DD HH24:MI:SS.MS'],
  ['2024-03-05 02:07 PM', 'YYYY-MM-DD HH:MI AM'], ['2024-03-05 14:07:09 +05:30', 'YYYY-MM-DD HH24:MI:SS TZH:TZM'], ['05/03/2024', 'DD/MM/YYYY'],
  ['2024-13-05', 'YYYY-MM-DD'], ['2024-02-30', 'YYYY-MM-DD'], ['abc', 'YYYY'], ['2024-03', 'YYYY-MM-DD'], ['25:00', 'HH24:MI'], ['13:00', 'HH:MI'],
  ['2024  03 05', 'YYYY MM DD'], ['2024-03-05', 'YYYY MM DD'], ['2024x03x05', 'YYYY-MM-DD'], [' 2024-03-05', 'YYYY-MM-DD'], ['2024-03-05', 'YYYY  MM  DD'],
  ['2024 - 03 - 05', 'YYYY-MM-DD'], ['2024-3-5', 'YYYY-MM-DD'], ['24-3-5', 'YYYY-MM-DD'], ['12345-3-5', 'YYYY-MM-DD'], ['2024035', 'YYYYMMDD'],
  ['2024-03-05 extra', 'YYYY-MM-DD'], ['2024-03-05', 'YYYY-MM-DD HH24'], ['2024', 'YYYY-MM-DD'], ['march 05 2024', 'month dd yyyy'],
  ['MAR 05 2024', 'Mon DD YYYY'], ['Tue 05 Mar 2024', 'Dy DD Mon YYYY'], ['Tuesday 05 Mar 2024', 'Day DD Mon YYYY'], ['5th March 2024', 'DDth Month YYYY'],
  ['2024-03-05T10:11:12', 'YYYY-MM-DD"T"HH24:MI:SS'], ['10:11:12.5', 'HH24:MI:SS.US'], ['10:11:12.123456', 'HH24:MI:SS.US'], ['10:11:12.1234567', 'HH24:MI:SS.US'],
  ['10:11:12.12', 'HH24:MI:SS.FF2'], ['12:30 AM', 'HH:MI AM'], ['12:30 PM', 'HH:MI PM'], ['12:30 a.m.', 'HH:MI a.m.'], ['2024 10', 'IYYY IW'],
  ['2024 10 2', 'IYYY IW ID'], ['2024-03-05 +05', 'YYYY-MM-DD TZH'], ['2024-03-05 -0330', 'YYYY-MM-DD TZHTZM'], ['2024-03-05 Z', 'YYYY-MM-DD TZ'],
  ['2024-03-05 Asia/Kolkata', 'YYYY-MM-DD TZ'], ['2024-03-05 05:06', 'YYYY-MM-DD OF'], ['0', 'J'], ['1', 'CC'], ['21 24', 'CC YY'], ['2024 Q1', 'YYYY "Q"Q'],
  ['2024-03-05', ''], ['00-01-01', 'YY-MM-DD'], ['69-01-01', 'YY-MM-DD'], ['100-01-01', 'YYY-MM-DD'], ['5-01-01', 'Y-MM-DD'], ['2024 III 05', 'YYYY RM DD'],
  ['2024 60', 'YYYY DDD'], ['2024 366', 'YYYY DDD'], ['2023 366', 'YYYY DDD'], ['0000-01-01', 'YYYY-MM-DD'], ['2024-03-05', 'YYYY-MM-DD-HH24'],
  ['2024-03-05 10', 'YYYY-MM-DD'], ['20240305', 'YYYY-MM-DD'], ['2024 03 05', 'YYYYMMDD'], ['2024-03-05', 'FXYYYY-MM-DD'], ['Mar 2024', 'MON YYYY'],
  ['Marc 2024', 'Mon YYYY'], ['xyz 2024', 'Mon YYYY'], ['2024 13', 'YYYY MM'], ['2024-03-05 10:00 BC', 'YYYY-MM-DD HH24:MI BC'], ['10 PM', 'HH24 PM'],
  ['0 AM', 'HH AM'], ['-2024-01-01', 'YYYY-MM-DD'], ['2024-03-05 1:2:3', 'YYYY-MM-DD HH24:MI:SS'], ['2024 12 31 23 59 60', 'YYYY MM DD HH24 MI SS'],
  ['2024 5 3', 'YYYY MM MM'], ['2024 3 3', 'YYYY MM MM'], ['2024-03-05 Wed', 'YYYY-MM-DD Dy'], ['2024 10 2', 'YYYY MM D'], ['12', 'MS'], ['1.5', 'SS.MS'],
  ['99999', 'SSSSS'], ['3661', 'SSSS'], ['2024-03-05 10:00:00 PST', 'YYYY-MM-DD HH24:MI:SS TZ'], ['2024-03-05 +5:30', 'YYYY-MM-DD TZH:TZM'],
  ['2024-03-05 -5', 'YYYY-MM-DD TZH'], ['a2024', 'YYYY'], ['2024a', 'YYYYMM'], ['abc', 'xyz'], ['1999 1', 'IYYY ID'], ['2024-W10', 'IYYY-"W"IW'],
  ['2,024-01-01', 'Y,YYY-MM-DD'], ['1999-12-31 23:59:59', 'YYYY-MM-DD HH24:MI:SS'],
  ['2024 -03', 'YYYY-MM'], ['2024- 03', 'YYYY-MM'], ['2024 - 03', 'YYYY-MM'], ['2024  -03', 'YYYY-MM'], ['2024 -03', 'YYYY MM'], ['2024 - 03', 'YYYY MM'],
  ['2024-03', 'YYYY MM'], ['2024--03', 'YYYY MM'], ['2024 -0330', 'YYYY TZH'], ['2024-0330', 'YYYY TZH'], ['2024 -03', 'YYYY-TZH'], ['2024/-03', 'YYYY-MM'],
  ['2024-/03', 'YYYY-MM'], ['2024-03', 'YYYY--MM'], ['2024 03', 'YYYY/MM'], ['2024 -5', 'YYYY MM'], ['2024 -05:30', 'YYYY OF'],
];

export function cases(): Case[] {
  const out: Case[] = [];
  for (const [v, f] of PAIRS) {
    out.push(fnCase('to_date', [OID.text, OID.text], [v, f]), fnCase('to_timestamp', [OID.text, OID.text], [v, f]));
  }
  return out;
}
