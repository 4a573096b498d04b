-- Functions added in recent Postgres releases that apps and migrations call.
SELECT string_to_table('a,b,,c', ',');
SELECT string_to_table('a,b,,c', ',', 'b');
SELECT string_to_table('abc', NULL);
SELECT string_to_table('abc', '');
SELECT string_to_table('', ',');
SELECT string_to_table(NULL, ',');
SELECT t, ordinality FROM string_to_table('x|y|z', '|') WITH ORDINALITY AS s(t, ordinality);
SELECT unistr('d\0061t\+000061'), unistr('\u00e9\U0001F600'), unistr('back\\slash');
SELECT unistr('\zz');
SELECT unistr('\+11FFFF');
SELECT unistr('\D83D\DE00');
SELECT unistr('\D83D');
SELECT casefold('Straße ΣΑΣ'), lower('Straße ΣΑΣ'), casefold('ǅ'), casefold('ﬃ'), casefold('İ');
SELECT bit_count('\xff0f'::bytea), bit_count(''::bytea);
SELECT crc32('abc'::bytea), crc32c('abc'::bytea), crc32(''::bytea), crc32('The quick brown fox jumps over the lazy dog'::bytea);
SELECT pg_is_in_recovery();
SELECT pg_sleep_for('1 millisecond'), pg_sleep_until(now() - interval '1 day');
