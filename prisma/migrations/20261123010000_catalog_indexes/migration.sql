-- Catalog filters and search (lib/catalog). Trigram indexes on the same accent- and
-- case-folded expressions the queries use, so that
--   * the "where" filter (city or neighbourhood LIKE '%…%') and
--   * the fuzzy fallback of search (query <% city / neighbourhood / venue name)
-- read an index instead of unaccenting every row. Expression indexes cannot be written in
-- schema.prisma; they live only here.
CREATE INDEX "events_city_trgm_idx" ON "events" USING gin (immutable_unaccent(lower("city")) gin_trgm_ops);
CREATE INDEX "events_neighbourhood_trgm_idx" ON "events" USING gin (immutable_unaccent(lower("neighbourhood")) gin_trgm_ops);
CREATE INDEX "venues_name_trgm_idx" ON "venues" USING gin (immutable_unaccent(lower("name")) gin_trgm_ops);
