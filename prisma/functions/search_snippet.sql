-- The search result's snippet (issue 33): ts_headline's excerpt of `p_document` around the
-- query's matches, with "…" where it cuts a sentence: at its start unless it starts the
-- document or a sentence, at its end unless it ends the document or a sentence. Matches sit
-- between \u0001 and \u0002 (components/highlighted.tsx turns them into <mark>s).
CREATE OR REPLACE FUNCTION "search_snippet"(p_config regconfig, p_document text, p_query tsquery, p_options text) RETURNS text
  LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_headline text := ts_headline(p_config, p_document, p_query, p_options);
  v_plain text := btrim(replace(replace(v_headline, chr(1), ''), chr(2), ''));
  v_at int;
  v_before text;
BEGIN
  IF v_plain = '' THEN RETURN v_headline; END IF;
  v_at := strpos(p_document, v_plain);
  -- Not found as written (should not happen): leave it as ts_headline gave it.
  IF v_at = 0 THEN RETURN v_headline; END IF;
  v_before := rtrim(left(p_document, v_at - 1));
  IF v_before <> '' AND right(v_before, 1) NOT IN ('.', '!', '?', ':') THEN v_headline := '…' || btrim(v_headline); END IF;
  IF v_at + length(v_plain) <= length(rtrim(p_document)) AND right(v_plain, 1) NOT IN ('.', '!', '?') THEN v_headline := rtrim(v_headline) || '…'; END IF;
  RETURN v_headline;
END $$;
