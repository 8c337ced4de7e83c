-- A text under every configuration. Its own language's is among them, so a query in that
-- language meets it with the right stemmer; the others make web-search operators mean the
-- same whatever language reads the query ("jazz -morning" must exclude "morning" under the
-- English reading and under the Portuguese one alike: each reading needs its own lexemes).
CREATE OR REPLACE FUNCTION "search_vector_all"(p_text text, p_weight "char") RETURNS tsvector
  LANGUAGE sql IMMUTABLE AS $$
  SELECT setweight(to_tsvector('lt_en', p_text) || to_tsvector('lt_pt', p_text) || to_tsvector('lt_es', p_text)
                   || to_tsvector('lt_ca', p_text) || to_tsvector('lt_de', p_text), p_weight)
$$;
