-- The order a request already made (its request key: an Idempotency-Key or the checkout form's
-- key), as order_place answers it, marked `replayed`; NULL when it made none. A retry whose
-- first answer was lost (the connection died after the commit) gets the same order back.
-- A key older than request_key_lifetime() is a new request (order_place frees it).
CREATE OR REPLACE FUNCTION "order_made_by_request"(p_buyer jsonb, p_request_key text) RETURNS jsonb
  LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object('ok', true, 'id', o.id, 'reference', o.reference, 'status', o.status,
                            'totalMinor', o.total_minor, 'currency', o.currency, 'holdExpiresAt', o.hold_expires_at,
                            'replayed', true)
    FROM orders o
   WHERE p_request_key IS NOT NULL AND o.buyer_email = p_buyer ->> 'email' AND o.request_key = p_request_key
     AND o.created_at > now() - request_key_lifetime()
$$;
