/**
 * Settings that loadable modules define when a session loads them (DefineCustomRealVariable and
 * friends): pg_trgm.similarity_threshold and the like. Before the module is loaded in a session,
 * such a name is a placeholder that takes any string; once loaded, the value is checked like a
 * built-in setting's and the module's prefix is reserved (MarkGUCPrefixReserved).
 * Postgres counterpart: src/backend/utils/misc/guc.c (define_custom_variable,
 * MarkGUCPrefixReserved), dfmgr.c (a library loads once per session and stays loaded).
 */
import type { SettingFact } from './guc.js';

interface CustomLibrary {
  readonly prefix: string;
  readonly settings: readonly SettingFact[];
}

const LIBRARIES = new Map<string, CustomLibrary>();
const FACTS = new Map<string, SettingFact>();

/** Declares the settings a library defines when it loads (names are `prefix.name`). */
export function defineCustomSettings(library: string, prefix: string, settings: readonly SettingFact[]): void {
  LIBRARIES.set(library, { prefix, settings });
  for (const s of settings) FACTS.set(s.name.toLowerCase(), s);
}

/** The library's settings and reserved prefix, if it declares any. */
export function customLibrary(library: string): CustomLibrary | undefined {
  return LIBRARIES.get(library);
}

/** The facts of a custom setting by lowercased name (whether or not its library is loaded). */
export function customSettingFact(lowerName: string): SettingFact | undefined {
  return FACTS.get(lowerName);
}

/** A real-valued custom setting (DefineCustomRealVariable) in the form guc.ts checks. */
export function customReal(name: string, shortDesc: string, defaultText: string, min: number, max: number): SettingFact {
  return { name, unit: null, context: 'user', vartype: 'real', min, max, enumvals: null, shortDesc, defaultBase: defaultText, defaultText };
}
