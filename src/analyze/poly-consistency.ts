/**
 * Generic type consistency of polymorphic signatures: which actual types the polymorphic
 * pseudo-types (anyelement, anyarray, anynonarray, anyenum, anyrange, anymultirange and the
 * anycompatible family) stand for in one call, with Postgres's errors when they disagree; and
 * whether a declared signature lets a polymorphic result (or transition type) be deduced at all.
 * CREATE AGGREGATE resolves its support functions with polymorphic inputs (allowPoly), and
 * user aggregates bind their transition type per call through the same rules.
 *
 * Postgres counterpart: src/backend/parser/parse_coerce.c (enforce_generic_type_consistency,
 * check_valid_polymorphic_signature, select_common_type_from_oids).
 * Known gaps: range helpers know the built-in range types only.
 */
import type { Catalog } from '../catalog/catalog.js';
import { PgError } from '../errors/pg-error.js';
import { SQLSTATE } from '../errors/sqlstate.js';
import { OID } from '../types/oids.js';
import { baseTypeOf, formatType, typeInfo } from '../types/registry.js';
import { multirangeDefIn, multirangeOfRangeIn, rangeDefIn } from '../types/user-range.js';
import { canCoerce } from './coerce.js';

const FAMILY1 = new Set<number>([OID.anyelement, OID.anyarray, OID.anynonarray, OID.anyenum, OID.anyrange, OID.anymultirange]);
const FAMILY2 = new Set<number>([OID.anycompatible, OID.anycompatiblearray, OID.anycompatiblenonarray, OID.anycompatiblerange, OID.anycompatiblemultirange]);

/** IsPolymorphicTypeFamily1: anyelement, anyarray, anynonarray, anyenum, anyrange, anymultirange. */
export const isPolyFamily1 = (t: number): boolean => FAMILY1.has(t);
/** IsPolymorphicTypeFamily2: the anycompatible family. */
export const isPolyFamily2 = (t: number): boolean => FAMILY2.has(t);

/** get_range_subtype (0 when `t` is not a range type). */
export function rangeSubtype(cat: Catalog, t: number): number {
  return rangeDefIn(cat, t)?.subtype ?? 0;
}
/** get_multirange_range (0 when `t` is not a multirange type). */
export function multirangeRange(cat: Catalog, t: number): number {
  return multirangeDefIn(cat, t)?.range.oid ?? 0;
}
/** get_range_multirange (0 when `t` has none). */
export function rangeMultirange(cat: Catalog, t: number): number {
  return multirangeOfRangeIn(cat, t)?.oid ?? 0;
}
/** get_element_type (0 when `t` is not an array type). */
function elementType(cat: Catalog, t: number): number {
  const info = typeInfo(cat, t);
  return info.category === 'A' && info.elem !== undefined ? info.elem : 0;
}
/** get_array_type (0 when `t` has no array type). */
function arrayType(cat: Catalog, t: number): number {
  return typeInfo(cat, t).array ?? 0;
}

const mismatch = (message: string, detail?: string) => new PgError(SQLSTATE.datatype_mismatch, message, detail !== undefined ? { detail } : {});

/** select_common_type_from_oids (noerror = false). */
export function selectCommonTypeFromOids(cat: Catalog, types: readonly number[]): number {
  let ptype = types[0];
  let i = 1;
  if (ptype !== OID.unknown) {
    while (i < types.length && types[i] === ptype) i++;
    if (i === types.length) return ptype;
  }
  ptype = baseTypeOf(cat, ptype);
  let pinfo = typeInfo(cat, ptype);
  for (; i < types.length; i++) {
    const ntype = baseTypeOf(cat, types[i]);
    if (ntype === OID.unknown || ntype === ptype) continue;
    const ninfo = typeInfo(cat, ntype);
    if (ptype === OID.unknown) {
      ptype = ntype;
      pinfo = ninfo;
    } else if (ninfo.category !== pinfo.category) {
      throw mismatch(`argument types ${formatType(cat, ptype)} and ${formatType(cat, ntype)} cannot be matched`);
    } else if (!pinfo.preferred && canCoerce(cat, ptype, ntype, 'implicit') && !canCoerce(cat, ntype, ptype, 'implicit')) {
      ptype = ntype;
      pinfo = ninfo;
    }
  }
  return ptype === OID.unknown ? OID.text : ptype;
}

export interface PolyBinding {
  /** The declared types with every polymorphic one replaced by what it binds to. */
  readonly argTypes: number[];
  readonly returnType: number;
  /** Maps a polymorphic type to its binding (other types unchanged). */
  resolve(t: number): number;
}

/**
 * enforce_generic_type_consistency: binds the polymorphic `declared` types to the `actual`
 * argument types and resolves `rettype`. With `allowPoly`, actual types may themselves be
 * polymorphic (CREATE AGGREGATE checking its support functions), and what stays undetermined
 * resolves to the pseudo-type itself.
 * @throws 42804 when the arguments disagree (`arguments declared "anyelement" are not all alike`).
 */
export function enforceGenericTypeConsistency(cat: Catalog, actual: readonly number[], declared: readonly number[], rettype: number, allowPoly: boolean): PolyBinding {
  let elem = 0;
  let arr = 0;
  let rng = 0;
  let mrng = 0;
  let compat = 0;
  let compatArr = 0;
  let compatRng = 0;
  let compatRngElem = 0;
  let compatMrng = 0;
  let compatMrngElem = 0;
  let haveNonarray = rettype === OID.anynonarray;
  let haveEnum = rettype === OID.anyenum;
  let haveMultirange = rettype === OID.anymultirange;
  let haveCompatNonarray = rettype === OID.anycompatiblenonarray;
  let haveCompatArray = rettype === OID.anycompatiblearray;
  let haveCompatRange = rettype === OID.anycompatiblerange;
  let haveCompatMultirange = rettype === OID.anycompatiblemultirange;
  let havePolyCompat = false;
  let nPoly = 0;
  const compatTypes: number[] = [];
  const notAlike = (what: string, a: number, b: number) => mismatch(`arguments declared "${what}" are not all alike`, `${formatType(cat, a)} versus ${formatType(cat, b)}`);
  for (let j = 0; j < declared.length; j++) {
    const d = declared[j];
    let a = actual[j];
    if (d === OID.anyelement || d === OID.anynonarray || d === OID.anyenum) {
      nPoly++;
      if (d === OID.anynonarray) haveNonarray = true;
      else if (d === OID.anyenum) haveEnum = true;
      if (a === OID.unknown || (allowPoly && d === a)) continue;
      if (elem && a !== elem) throw notAlike('anyelement', elem, a);
      elem = a;
    } else if (d === OID.anyarray || d === OID.anyrange || d === OID.anymultirange) {
      nPoly++;
      if (d === OID.anymultirange) haveMultirange = true;
      if (a === OID.unknown || (allowPoly && d === a)) continue;
      a = baseTypeOf(cat, a);
      const name = d === OID.anyarray ? 'anyarray' : d === OID.anyrange ? 'anyrange' : 'anymultirange';
      const prev = d === OID.anyarray ? arr : d === OID.anyrange ? rng : mrng;
      if (prev && a !== prev) throw notAlike(name, prev, a);
      if (d === OID.anyarray) arr = a;
      else if (d === OID.anyrange) rng = a;
      else mrng = a;
    } else if (d === OID.anycompatible || d === OID.anycompatiblenonarray) {
      havePolyCompat = true;
      if (d === OID.anycompatiblenonarray) haveCompatNonarray = true;
      if (a === OID.unknown || (allowPoly && d === a)) continue;
      compatTypes.push(a);
    } else if (d === OID.anycompatiblearray) {
      havePolyCompat = true;
      haveCompatArray = true;
      if (a === OID.unknown || (allowPoly && d === a)) continue;
      a = baseTypeOf(cat, a);
      const e = elementType(cat, a);
      if (!e) throw mismatch(`argument declared anycompatiblearray is not an array but type ${formatType(cat, a)}`);
      compatTypes.push(e);
    } else if (d === OID.anycompatiblerange) {
      havePolyCompat = true;
      haveCompatRange = true;
      if (a === OID.unknown || (allowPoly && d === a)) continue;
      a = baseTypeOf(cat, a);
      if (compatRng) {
        if (compatRng !== a) throw notAlike('anycompatiblerange', compatRng, a);
      } else {
        compatRng = a;
        compatRngElem = rangeSubtype(cat, a);
        if (!compatRngElem) throw mismatch(`argument declared anycompatiblerange is not a range type but type ${formatType(cat, a)}`);
        compatTypes.push(compatRngElem);
      }
    } else if (d === OID.anycompatiblemultirange) {
      havePolyCompat = true;
      haveCompatMultirange = true;
      if (a === OID.unknown || (allowPoly && d === a)) continue;
      a = baseTypeOf(cat, a);
      if (compatMrng) {
        if (compatMrng !== a) throw notAlike('anycompatiblemultirange', compatMrng, a);
      } else {
        compatMrng = a;
        compatMrngElem = multirangeRange(cat, a);
        if (!compatMrngElem) throw mismatch(`argument declared anycompatiblemultirange is not a multirange type but type ${formatType(cat, a)}`);
      }
    }
  }
  if (nPoly === 0 && !havePolyCompat) return { argTypes: [...declared], returnType: rettype, resolve: (t) => t };

  if (nPoly) {
    if (arr) {
      let arrElem: number;
      if (arr === OID.anyarray) {
        if (nPoly !== 1 || (rettype !== OID.anyarray && isPolyFamily1(rettype))) throw mismatch('cannot determine element type of "anyarray" argument');
        arrElem = OID.anyelement;
      } else {
        arrElem = elementType(cat, arr);
        if (!arrElem) throw mismatch(`argument declared anyarray is not an array but type ${formatType(cat, arr)}`);
      }
      if (!elem) elem = arrElem;
      else if (arrElem !== elem) {
        throw mismatch('argument declared anyarray is not consistent with argument declared anyelement', `${formatType(cat, arr)} versus ${formatType(cat, elem)}`);
      }
    }
    if (mrng) {
      const r = multirangeRange(cat, mrng);
      if (!r) throw mismatch(`argument declared anymultirange is not a multirange type but type ${formatType(cat, mrng)}`);
      if (!rng) rng = r;
      else if (r !== rng) {
        throw mismatch('argument declared anymultirange is not consistent with argument declared anyrange', `${formatType(cat, mrng)} versus ${formatType(cat, rng)}`);
      }
    } else if (haveMultirange && rng) {
      mrng = rangeMultirange(cat, rng);
    }
    if (rng) {
      const sub = rangeSubtype(cat, rng);
      if (!sub) throw mismatch(`argument declared anyrange is not a range type but type ${formatType(cat, rng)}`);
      if (!elem) elem = sub;
      else if (sub !== elem) {
        throw mismatch('argument declared anyrange is not consistent with argument declared anyelement', `${formatType(cat, rng)} versus ${formatType(cat, elem)}`);
      }
    }
    if (!elem) {
      if (!allowPoly) throw mismatch('could not determine polymorphic type because input has type unknown');
      elem = OID.anyelement;
      arr = OID.anyarray;
      rng = OID.anyrange;
      mrng = OID.anymultirange;
    }
    if (haveNonarray && elem !== OID.anyelement && elementType(cat, baseTypeOf(cat, elem))) {
      throw mismatch(`type matched to anynonarray is an array type: ${formatType(cat, elem)}`);
    }
    if (haveEnum && elem !== OID.anyelement && typeInfo(cat, elem).typtype !== 'e') {
      throw mismatch(`type matched to anyenum is not an enum type: ${formatType(cat, elem)}`);
    }
  }

  if (havePolyCompat) {
    if (compatMrng) {
      if (compatRng) {
        if (compatMrngElem !== compatRng) {
          throw mismatch('argument declared anycompatiblemultirange is not consistent with argument declared anycompatiblerange', `${formatType(cat, compatMrng)} versus ${formatType(cat, compatRng)}`);
        }
      } else {
        compatRng = compatMrngElem;
        compatRngElem = rangeSubtype(cat, compatRng);
        if (!compatRngElem) throw mismatch(`argument declared anycompatiblemultirange is not a multirange type but type ${formatType(cat, compatMrng)}`);
        haveCompatRange = true;
        compatTypes.push(compatRngElem);
      }
    } else if (haveCompatMultirange && compatRng) {
      compatMrng = rangeMultirange(cat, compatRng);
    }
    const undetermined = (what: string) => mismatch(`could not determine polymorphic type ${what} because input has type unknown`);
    if (compatTypes.length) {
      compat = selectCommonTypeFromOids(cat, compatTypes);
      if (!compatTypes.every((t) => t === compat || canCoerce(cat, t, compat, 'implicit'))) {
        throw mismatch('arguments of anycompatible family cannot be cast to a common type');
      }
      if (haveCompatArray) {
        compatArr = arrayType(cat, compat);
        if (!compatArr) throw new PgError(SQLSTATE.undefined_object, `could not find array type for data type ${formatType(cat, compat)}`);
      }
      if (haveCompatRange) {
        if (!compatRng) throw undetermined('anycompatiblerange');
        if (compatRngElem !== compat) {
          throw mismatch(`anycompatiblerange type ${formatType(cat, compatRng)} does not match anycompatible type ${formatType(cat, compat)}`);
        }
      }
      if (haveCompatMultirange) {
        if (!compatMrng) throw undetermined('anycompatiblemultirange');
        if (compatRngElem !== compat) {
          throw mismatch(`anycompatiblemultirange type ${formatType(cat, compatMrng)} does not match anycompatible type ${formatType(cat, compat)}`);
        }
      }
      if (haveCompatNonarray && elementType(cat, baseTypeOf(cat, compat))) {
        throw mismatch(`type matched to anycompatiblenonarray is an array type: ${formatType(cat, compat)}`);
      }
    } else if (allowPoly) {
      compat = OID.anycompatible;
      compatArr = OID.anycompatiblearray;
      compatRng = OID.anycompatiblerange;
      compatMrng = OID.anycompatiblemultirange;
    } else {
      compat = OID.text;
      compatArr = OID._text;
      if (haveCompatRange) throw undetermined('anycompatiblerange');
      if (haveCompatMultirange) throw undetermined('anycompatiblemultirange');
    }
  }

  const arrayOfElem = (): number => {
    if (!arr) {
      arr = arrayType(cat, elem);
      if (!arr) throw new PgError(SQLSTATE.undefined_object, `could not find array type for data type ${formatType(cat, elem)}`);
    }
    return arr;
  };
  const resolve = (t: number): number => {
    switch (t) {
      case OID.anyelement:
      case OID.anynonarray:
      case OID.anyenum:
        return elem || t;
      case OID.anyarray:
        return elem ? arrayOfElem() : t;
      case OID.anyrange:
        if (!rng) throw undeterminedFamily1('anyrange');
        return rng;
      case OID.anymultirange:
        if (!mrng) throw undeterminedFamily1('anymultirange');
        return mrng;
      case OID.anycompatible:
      case OID.anycompatiblenonarray:
        return compat || t;
      case OID.anycompatiblearray:
        return compatArr || t;
      case OID.anycompatiblerange:
        return compatRng || t;
      case OID.anycompatiblemultirange:
        return compatMrng || t;
      default:
        return t;
    }
  };
  const argTypes = declared.map((d, j) => (actual[j] === OID.unknown || isPolyFamily2(d) ? resolve(d) : isPolyFamily1(d) ? resolve(d) : d));
  return { argTypes, returnType: resolve(rettype), resolve };
}

const undeterminedFamily1 = (what: string) => mismatch(`could not determine polymorphic type ${what} because input has type unknown`);

/**
 * check_valid_polymorphic_signature: why a polymorphic `ret` (result or transition type) cannot
 * be deduced from `args`, or undefined when it can.
 */
export function checkValidPolymorphicSignature(cat: Catalog, ret: number, args: readonly number[]): string | undefined {
  if (ret === OID.anyrange || ret === OID.anymultirange) {
    if (args.some((t) => t === OID.anyrange || t === OID.anymultirange)) return undefined;
    return `A result of type ${formatType(cat, ret)} requires at least one input of type anyrange or anymultirange.`;
  }
  if (ret === OID.anycompatiblerange || ret === OID.anycompatiblemultirange) {
    if (args.some((t) => t === OID.anycompatiblerange || t === OID.anycompatiblemultirange)) return undefined;
    return `A result of type ${formatType(cat, ret)} requires at least one input of type anycompatiblerange or anycompatiblemultirange.`;
  }
  if (isPolyFamily1(ret)) {
    if (args.some(isPolyFamily1)) return undefined;
    return `A result of type ${formatType(cat, ret)} requires at least one input of type anyelement, anyarray, anynonarray, anyenum, anyrange, or anymultirange.`;
  }
  if (isPolyFamily2(ret)) {
    if (args.some(isPolyFamily2)) return undefined;
    return `A result of type ${formatType(cat, ret)} requires at least one input of type anycompatible, anycompatiblearray, anycompatiblenonarray, anycompatiblerange, or anycompatiblemultirange.`;
  }
  return undefined;
}

/**
 * check_generic_type_consistency: whether `actual` argument types (polymorphic ones taken as
 * they are) fit a candidate's `declared` types; the boolean pre-check of overload resolution.
 */
export function checkGenericTypeConsistency(cat: Catalog, actual: readonly number[], declared: readonly number[]): boolean {
  let elem = 0;
  let arr = 0;
  let rng = 0;
  let mrng = 0;
  let compatRng = 0;
  let compatRngElem = 0;
  let compatMrng = 0;
  let compatMrngElem = 0;
  let haveNonarray = false;
  let haveEnum = false;
  let haveCompatNonarray = false;
  const compatTypes: number[] = [];
  for (let j = 0; j < declared.length; j++) {
    const d = declared[j];
    let a = actual[j];
    if (!isPolyFamily1(d) && !isPolyFamily2(d)) continue;
    if (a === OID.unknown) {
      if (d === OID.anynonarray) haveNonarray = true;
      else if (d === OID.anyenum) haveEnum = true;
      else if (d === OID.anycompatiblenonarray) haveCompatNonarray = true;
      continue;
    }
    switch (d) {
      case OID.anyelement:
      case OID.anynonarray:
      case OID.anyenum:
        if (d === OID.anynonarray) haveNonarray = true;
        else if (d === OID.anyenum) haveEnum = true;
        if (elem && a !== elem) return false;
        elem = a;
        break;
      case OID.anyarray:
      case OID.anyrange:
      case OID.anymultirange: {
        a = baseTypeOf(cat, a);
        const prev = d === OID.anyarray ? arr : d === OID.anyrange ? rng : mrng;
        if (prev && a !== prev) return false;
        if (d === OID.anyarray) arr = a;
        else if (d === OID.anyrange) rng = a;
        else mrng = a;
        break;
      }
      case OID.anycompatible:
      case OID.anycompatiblenonarray:
        if (d === OID.anycompatiblenonarray) haveCompatNonarray = true;
        compatTypes.push(a);
        break;
      case OID.anycompatiblearray: {
        const e = elementType(cat, baseTypeOf(cat, a));
        if (!e) return false;
        compatTypes.push(e);
        break;
      }
      case OID.anycompatiblerange:
        a = baseTypeOf(cat, a);
        if (compatRng) {
          if (compatRng !== a) return false;
        } else {
          compatRng = a;
          compatRngElem = rangeSubtype(cat, a);
          if (!compatRngElem) return false;
          compatTypes.push(compatRngElem);
        }
        break;
      case OID.anycompatiblemultirange:
        a = baseTypeOf(cat, a);
        if (compatMrng) {
          if (compatMrng !== a) return false;
        } else {
          compatMrng = a;
          compatMrngElem = multirangeRange(cat, a);
          if (!compatMrngElem) return false;
        }
        break;
    }
  }
  if (arr && arr !== OID.anyarray) {
    const e = elementType(cat, arr);
    if (!e) return false;
    if (!elem) elem = e;
    else if (e !== elem) return false;
  }
  if (mrng) {
    const r = multirangeRange(cat, mrng);
    if (!r) return false;
    if (!rng) rng = r;
    else if (r !== rng) return false;
  }
  if (rng) {
    const sub = rangeSubtype(cat, rng);
    if (!sub) return false;
    if (!elem) elem = sub;
    else if (sub !== elem) return false;
  }
  if (haveNonarray && elem && elementType(cat, baseTypeOf(cat, elem))) return false;
  if (haveEnum && elem && typeInfo(cat, elem).typtype !== 'e') return false;
  if (compatMrng) {
    if (compatRng) {
      if (compatMrngElem !== compatRng) return false;
    } else {
      compatRng = compatMrngElem;
      compatRngElem = rangeSubtype(cat, compatRng);
      if (!compatRngElem) return false;
      compatTypes.push(compatRngElem);
    }
  }
  if (compatTypes.length) {
    let common: number;
    try {
      common = selectCommonTypeFromOids(cat, compatTypes);
    } catch {
      return false;
    }
    if (!compatTypes.every((t) => t === common || canCoerce(cat, t, common, 'implicit'))) return false;
    if (haveCompatNonarray && elementType(cat, baseTypeOf(cat, common))) return false;
    if (compatRngElem && compatRngElem !== common) return false;
  }
  return true;
}

/** IsBinaryCoercible: the same type, a domain over it, a polymorphic type it fits, or a binary-compatible cast. */
export function isBinaryCoercible(cat: Catalog, src: number, target: number): boolean {
  if (src === target) return true;
  if (target === OID.any || target === OID.anyelement || target === OID.anycompatible) return true;
  src = baseTypeOf(cat, src);
  if (src === target) return true;
  const info = typeInfo(cat, src);
  const isArray = info.category === 'A' && info.elem !== undefined;
  switch (target) {
    case OID.anyarray:
    case OID.anycompatiblearray:
      return isArray;
    case OID.anynonarray:
    case OID.anycompatiblenonarray:
      return !isArray;
    case OID.anyenum:
      return info.typtype === 'e';
    case OID.anyrange:
    case OID.anycompatiblerange:
      return rangeSubtype(cat, src) !== 0;
    case OID.anymultirange:
    case OID.anycompatiblemultirange:
      return multirangeRange(cat, src) !== 0;
    case OID.record:
      return info.typtype === 'c';
    case OID._record:
      return isArray && typeInfo(cat, info.elem!).typtype === 'c';
  }
  const binary = [[OID.varchar, OID.text], [OID.bpchar, OID.text], [OID.text, OID.varchar], [OID.varchar, OID.bpchar], [OID.text, OID.bpchar]];
  return binary.some(([a, b]) => a === src && b === target);
}
