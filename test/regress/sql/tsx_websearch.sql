-- tsx_websearch: websearch_to_tsquery on what users type into a search box: colons, stray
-- operator characters, "or" after parentheses, quoted phrases.
SELECT websearch_to_tsquery('simple', 'I have a fat:*ABCD cat');
SELECT websearch_to_tsquery('simple', 'orange:**AABBCCDD');
SELECT websearch_to_tsquery('simple', 'fat:A!cat:B|rat:C<');
SELECT websearch_to_tsquery('simple', 'fat:A : cat:B');
SELECT websearch_to_tsquery('simple', 'abc : def'), websearch_to_tsquery('simple', 'abc:def'), websearch_to_tsquery('simple', 'a:::b'), websearch_to_tsquery('simple', 'abc:d');
SELECT websearch_to_tsquery('simple', ':');
SELECT websearch_to_tsquery('simple', '(foo bar) or (ding dong)');
SELECT websearch_to_tsquery('english', 'a b:c or d'), websearch_to_tsquery('simple', 'foo or (bar)'), websearch_to_tsquery('simple', 'x or');
SELECT websearch_to_tsquery('english', '"fat rat" or cat -dog'), websearch_to_tsquery('english', 'http://example.com/page?x=1 "sales report"');
SELECT ':1'::tsvector, 'a:1 :b'::tsvector, 'a & :b'::tsquery, to_tsquery('simple', 'a:b');
CREATE TABLE tsx_docs (id int, body text);
INSERT INTO tsx_docs VALUES (1, 'The fat cat sat on the mat'), (2, 'Dogs and rats: a story'), (3, 'Sales report for Q3');
SELECT id FROM tsx_docs WHERE to_tsvector('english', body) @@ websearch_to_tsquery('english', '(fat cat) or (rats:story)') ORDER BY id;
DROP TABLE tsx_docs;
-- ts_headline of empty documents and empty queries.
SELECT ts_headline('english', '', to_tsquery('english', ''));
SELECT ts_headline('english', 'abc def', to_tsquery('english', ''));
SELECT ts_headline('english', '', to_tsquery('english', 'abc')), ts_headline('english', '', to_tsquery('english', 'abc'), 'MaxFragments=2'), ts_headline('english', '', to_tsquery('english', 'abc'), 'HighlightAll=true');
-- An array literal on the right of @@ ANY is an array of tsquery.
CREATE TABLE tsx_vec (id int, a tsvector);
INSERT INTO tsx_vec VALUES (1, 'wr qh'), (2, 'ab cd'), (3, 'qh zz');
SELECT id FROM tsx_vec WHERE a @@ ANY ('{wr,qh}') ORDER BY id;
SELECT id FROM tsx_vec WHERE a @@ ALL ('{qh,zz}') ORDER BY id;
SELECT id FROM tsx_vec WHERE a @@ ANY (ARRAY['ab & cd', 'nope']::tsquery[]) ORDER BY id;
DROP TABLE tsx_vec;
