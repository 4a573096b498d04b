/**
 * pg_settings metadata (unit, category, descriptions, context, type, bounds, enum values, boot
 * value) of the settings fauxgres's sessions have, recorded from Postgres 18's pg_settings by
 * ./generate-data.ts; current values come from the session.
 * Postgres counterpart: src/backend/utils/misc/guc_tables.c.
 */

/** [name, unit, category, short_desc, extra_desc, context, vartype, min_val, max_val, enumvals, boot_val] */
export type SettingFacts = readonly [string, string | null, string, string, string | null, string, string, string | null, string | null, readonly string[] | null, string | null];

export const SETTING_FACTS: readonly SettingFacts[] = [
  ["application_name", null, "Reporting and Logging / What to Log", "Sets the application name to be reported in statistics and logs.", null, "user", "string", null, null, null, ""],
  ["bytea_output", null, "Client Connection Defaults / Statement Behavior", "Sets the output format for bytea.", null, "user", "enum", null, null, ["escape","hex"], "hex"],
  ["check_function_bodies", null, "Client Connection Defaults / Statement Behavior", "Check routine bodies during CREATE FUNCTION and CREATE PROCEDURE.", null, "user", "bool", null, null, null, "on"],
  ["client_encoding", null, "Client Connection Defaults / Locale and Formatting", "Sets the client's character set encoding.", null, "user", "string", null, null, null, "SQL_ASCII"],
  ["client_min_messages", null, "Client Connection Defaults / Statement Behavior", "Sets the message levels that are sent to the client.", "Each level includes all the levels that follow it. The later the level, the fewer messages are sent.", "user", "enum", null, null, ["debug5","debug4","debug3","debug2","debug1","log","notice","warning","error"], "notice"],
  ["DateStyle", null, "Client Connection Defaults / Locale and Formatting", "Sets the display format for date and time values.", "Also controls interpretation of ambiguous date inputs.", "user", "string", null, null, null, "ISO, MDY"],
  ["default_text_search_config", null, "Client Connection Defaults / Locale and Formatting", "Sets default text search configuration.", null, "user", "string", null, null, null, "pg_catalog.simple"],
  ["default_transaction_isolation", null, "Client Connection Defaults / Statement Behavior", "Sets the transaction isolation level of each new transaction.", null, "user", "enum", null, null, ["serializable","repeatable read","read committed","read uncommitted"], "read committed"],
  ["default_transaction_read_only", null, "Client Connection Defaults / Statement Behavior", "Sets the default read-only status of new transactions.", null, "user", "bool", null, null, null, "off"],
  ["enable_seqscan", null, "Query Tuning / Planner Method Configuration", "Enables the planner's use of sequential-scan plans.", null, "user", "bool", null, null, null, "on"],
  ["escape_string_warning", null, "Version and Platform Compatibility / Previous PostgreSQL Versions", "Warn about backslash escapes in ordinary string literals.", null, "user", "bool", null, null, null, "on"],
  ["extra_float_digits", null, "Client Connection Defaults / Locale and Formatting", "Sets the number of digits displayed for floating-point values.", "This affects real, double precision, and geometric data types. A zero or negative parameter value is added to the standard number of digits (FLT_DIG or DBL_DIG as appropriate). Any value greater than zero selects precise output mode.", "user", "integer", "-15", "3", null, "1"],
  ["idle_in_transaction_session_timeout", "ms", "Client Connection Defaults / Statement Behavior", "Sets the maximum allowed idle time between queries, when in a transaction.", "0 disables the timeout.", "user", "integer", "0", "2147483647", null, "0"],
  ["integer_datetimes", null, "Preset Options", "Shows whether datetimes are integer based.", null, "internal", "bool", null, null, null, "on"],
  ["IntervalStyle", null, "Client Connection Defaults / Locale and Formatting", "Sets the display format for interval values.", null, "user", "enum", null, null, ["postgres","postgres_verbose","sql_standard","iso_8601"], "postgres"],
  ["jit", null, "Query Tuning / Other Planner Options", "Allow JIT compilation.", null, "user", "bool", null, null, null, "on"],
  ["lc_messages", null, "Client Connection Defaults / Locale and Formatting", "Sets the language in which messages are displayed.", "An empty string means use the operating system setting.", "superuser", "string", null, null, null, ""],
  ["lc_monetary", null, "Client Connection Defaults / Locale and Formatting", "Sets the locale for formatting monetary amounts.", "An empty string means use the operating system setting.", "user", "string", null, null, null, "C"],
  ["lc_numeric", null, "Client Connection Defaults / Locale and Formatting", "Sets the locale for formatting numbers.", "An empty string means use the operating system setting.", "user", "string", null, null, null, "C"],
  ["lc_time", null, "Client Connection Defaults / Locale and Formatting", "Sets the locale for formatting date and time values.", "An empty string means use the operating system setting.", "user", "string", null, null, null, "C"],
  ["lock_timeout", "ms", "Client Connection Defaults / Statement Behavior", "Sets the maximum allowed duration of any wait for a lock.", "0 disables the timeout.", "user", "integer", "0", "2147483647", null, "0"],
  ["maintenance_work_mem", "kB", "Resource Usage / Memory", "Sets the maximum memory to be used for maintenance operations.", "This includes operations such as VACUUM and CREATE INDEX.", "user", "integer", "64", "2147483647", null, "65536"],
  ["max_identifier_length", null, "Preset Options", "Shows the maximum identifier length.", null, "internal", "integer", "63", "63", null, "63"],
  ["row_security", null, "Client Connection Defaults / Statement Behavior", "Enables row security.", "When enabled, row security will be applied to all users.", "user", "bool", null, null, null, "on"],
  ["search_path", null, "Client Connection Defaults / Statement Behavior", "Sets the schema search order for names that are not schema-qualified.", null, "user", "string", null, null, null, "\"$user\", public"],
  ["server_encoding", null, "Preset Options", "Shows the server (database) character set encoding.", null, "internal", "string", null, null, null, "SQL_ASCII"],
  ["server_version", null, "Preset Options", "Shows the server version.", null, "internal", "string", null, null, null, "18.4"],
  ["server_version_num", null, "Preset Options", "Shows the server version as an integer.", null, "internal", "integer", "180004", "180004", null, "180004"],
  ["session_replication_role", null, "Client Connection Defaults / Statement Behavior", "Sets the session's behavior for triggers and rewrite rules.", null, "superuser", "enum", null, null, ["origin","replica","local"], "origin"],
  ["standard_conforming_strings", null, "Version and Platform Compatibility / Previous PostgreSQL Versions", "Causes '...' strings to treat backslashes literally.", null, "user", "bool", null, null, null, "on"],
  ["statement_timeout", "ms", "Client Connection Defaults / Statement Behavior", "Sets the maximum allowed duration of any statement.", "0 disables the timeout.", "user", "integer", "0", "2147483647", null, "0"],
  ["synchronous_commit", null, "Write-Ahead Log / Settings", "Sets the current transaction's synchronization level.", null, "user", "enum", null, null, ["local","remote_write","remote_apply","on","off"], "on"],
  ["TimeZone", null, "Client Connection Defaults / Locale and Formatting", "Sets the time zone for displaying and interpreting time stamps.", null, "user", "string", null, null, null, "GMT"],
  ["timezone_abbreviations", null, "Client Connection Defaults / Locale and Formatting", "Selects a file of time zone abbreviations.", null, "user", "string", null, null, null, null],
  ["transaction_isolation", null, "Client Connection Defaults / Statement Behavior", "Sets the current transaction's isolation level.", null, "user", "enum", null, null, ["serializable","repeatable read","read committed","read uncommitted"], "read committed"],
  ["transaction_read_only", null, "Client Connection Defaults / Statement Behavior", "Sets the current transaction's read-only status.", null, "user", "bool", null, null, null, "off"],
  ["work_mem", "kB", "Resource Usage / Memory", "Sets the maximum memory to be used for query workspaces.", "This much memory can be used by each internal sort operation and hash table before switching to temporary disk files.", "user", "integer", "64", "2147483647", null, "4096"],
  ["xmloption", null, "Client Connection Defaults / Statement Behavior", "Sets whether XML data in implicit parsing and serialization operations is to be considered as documents or content fragments.", null, "user", "enum", null, null, ["content","document"], "content"],
];
