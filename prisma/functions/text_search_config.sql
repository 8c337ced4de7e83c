-- The configuration of a language (en, pt, es, ca, de).
CREATE OR REPLACE FUNCTION "text_search_config"(p_locale text) RETURNS regconfig
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_locale
           WHEN 'pt' THEN 'lt_pt'::regconfig
           WHEN 'es' THEN 'lt_es'::regconfig
           WHEN 'de' THEN 'lt_de'::regconfig
           WHEN 'ca' THEN 'lt_ca'::regconfig
           ELSE 'lt_en'::regconfig
         END
$$;
