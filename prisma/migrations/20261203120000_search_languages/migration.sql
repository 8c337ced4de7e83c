-- Search across languages. Each text (an event's own title, summary and description, and
-- each translation) is indexed with the text search configuration of every storefront
-- language, its own among them (accents folded first, so "cafe" finds "café").
-- A query is read in every language at once (lib/catalog/search-events-sql.ts: the OR of
-- websearch_to_tsquery under each configuration), so a Portuguese query finds a Portuguese
-- description and an English query finds the English translation of it.
-- Catalan has no Snowball stemmer in PostgreSQL: simple + unaccent (whole words).
CREATE TEXT SEARCH CONFIGURATION "lt_en" (COPY = english);
ALTER TEXT SEARCH CONFIGURATION "lt_en" ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
CREATE TEXT SEARCH CONFIGURATION "lt_pt" (COPY = portuguese);
ALTER TEXT SEARCH CONFIGURATION "lt_pt" ALTER MAPPING FOR hword, hword_part, word WITH unaccent, portuguese_stem;
CREATE TEXT SEARCH CONFIGURATION "lt_es" (COPY = spanish);
ALTER TEXT SEARCH CONFIGURATION "lt_es" ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
CREATE TEXT SEARCH CONFIGURATION "lt_de" (COPY = german);
ALTER TEXT SEARCH CONFIGURATION "lt_de" ALTER MAPPING FOR hword, hword_part, word WITH unaccent, german_stem;
CREATE TEXT SEARCH CONFIGURATION "lt_ca" (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION "lt_ca" ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

-- The configuration of a language (en, pt, es, ca, de).
CREATE FUNCTION "text_search_config"(p_locale text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_locale
           WHEN 'pt' THEN 'lt_pt'::regconfig
           WHEN 'es' THEN 'lt_es'::regconfig
           WHEN 'de' THEN 'lt_de'::regconfig
           WHEN 'ca' THEN 'lt_ca'::regconfig
           ELSE 'lt_en'::regconfig
         END
$$;

-- A text under every configuration. Its own language's is among them, so a query in that
-- language meets it with the right stemmer; the others make web-search operators mean the
-- same whatever language reads the query ("jazz -morning" must exclude "morning" under the
-- English reading and under the Portuguese one alike: each reading needs its own lexemes).
CREATE FUNCTION "search_vector_all"(p_text text, p_weight "char") RETURNS tsvector
  LANGUAGE sql IMMUTABLE AS $$
  SELECT setweight(to_tsvector('lt_en', p_text) || to_tsvector('lt_pt', p_text) || to_tsvector('lt_es', p_text)
                   || to_tsvector('lt_ca', p_text) || to_tsvector('lt_de', p_text), p_weight)
$$;

-- Title (A) > venue, city, neighbourhood, category (B) > summary, description (C), as before,
-- now for the event's own texts and every translation.
CREATE OR REPLACE FUNCTION "events_search_document"(e "events") RETURNS tsvector
  LANGUAGE sql STABLE AS $$
  SELECT search_vector_all(coalesce(e.title, ''), 'A')
      || search_vector_all(concat_ws(' ', v.name, e.city, e.neighbourhood, e.category::text), 'B')
      || search_vector_all(concat_ws(' ', e.summary, e.description), 'C')
      || coalesce((
           -- tsvector has no aggregate: the translations' vectors are joined as text and read back.
           SELECT string_agg((search_vector_all(t.title, 'A') || search_vector_all(concat_ws(' ', t.summary, t.description), 'C'))::text, ' ')::tsvector
             FROM event_translations t WHERE t.event_id = e.id), ''::tsvector)
    FROM venues v WHERE v.id = e.venue_id
$$;

DROP TRIGGER "events_refresh_search_vector" ON "events";
CREATE TRIGGER "events_refresh_search_vector"
  BEFORE INSERT OR UPDATE OF "title", "summary", "description", "language", "city", "neighbourhood", "category", "venue_id" ON "events"
  FOR EACH ROW EXECUTE FUNCTION "events_refresh_search_vector"();

-- A translation written, changed or removed re-indexes its event.
CREATE FUNCTION "event_translations_refresh_search"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE events e SET search_vector = events_search_document(e)
   WHERE e.id IN (SELECT (CASE WHEN TG_OP = 'DELETE' THEN OLD.event_id ELSE NEW.event_id END));
  RETURN NULL;
END $$;

CREATE TRIGGER "event_translations_refresh_search"
  AFTER INSERT OR UPDATE OR DELETE ON "event_translations"
  FOR EACH ROW EXECUTE FUNCTION "event_translations_refresh_search"();

UPDATE events e SET search_vector = events_search_document(e);
