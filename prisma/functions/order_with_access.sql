-- A replayed order answer (order_made_by_request) with a new private link kept for it: the
-- retry's caller gets a link that works, the first one stays valid too.
CREATE OR REPLACE FUNCTION "order_with_access"(p_answer jsonb, p_access_token_hash text) RETURNS jsonb
  LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO order_access_tokens (order_id, token_hash)
  SELECT (p_answer ->> 'id')::uuid, p_access_token_hash WHERE p_access_token_hash IS NOT NULL;
  RETURN p_answer;
END $$;
