-- String searching under nondeterministic collations: replace, strpos, split_part,
-- string_to_array find substrings the collator ranks equal.
CREATE COLLATION case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION ignore_accents (provider = icu, locale = 'und-u-ks-level1-kc-true', deterministic = false);
SELECT replace('testX' COLLATE case_insensitive, 'x', 'er');
SELECT replace('Hello hello HELLO' COLLATE case_insensitive, 'hello', 'bye');
SELECT replace('café cafe' COLLATE ignore_accents, 'cafe', 'tea');
SELECT strpos('abcXyz' COLLATE case_insensitive, 'xY'), position('xy' IN ('abcXyz' COLLATE case_insensitive)), strpos('abc' COLLATE case_insensitive, 'z');
SELECT split_part('aXbxc' COLLATE case_insensitive, 'x', 2), split_part('aXbxc' COLLATE case_insensitive, 'x', -1);
SELECT string_to_array('ABC,DEF,GHI' COLLATE case_insensitive, ',', 'abc');
SELECT string_to_array('oneANDtwoandthree' COLLATE case_insensitive, 'and');
SELECT replace('testX', 'x', 'er') AS default_collation;
