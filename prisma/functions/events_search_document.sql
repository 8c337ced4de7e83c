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
