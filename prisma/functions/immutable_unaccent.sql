-- unaccent() is only STABLE; indexes and generated columns need an IMMUTABLE wrapper
-- that names its dictionary explicitly.
CREATE OR REPLACE FUNCTION "immutable_unaccent"(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
