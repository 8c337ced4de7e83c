-- The buyer of a purchase as order_place keeps it: {"userId", "email", "name"}. An account
-- (lib/orders/buyer.ts: {"kind": "account", "userId"}) is read from its user row; a guest
-- ({"kind": "guest", "email", "name"}) is who they say, with no user. The email is kept in
-- lower case, the one key of a buyer (hold limit, lock, request keys). NULL for an account that
-- does not exist.
CREATE OR REPLACE FUNCTION "order_buyer"(p_buyer jsonb) RETURNS jsonb
  LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object('userId', u.id, 'email', lower(u.email), 'name', u.name)
    FROM users u WHERE p_buyer ->> 'kind' = 'account' AND u.id = (p_buyer ->> 'userId')::uuid
  UNION ALL
  SELECT jsonb_build_object('userId', NULL, 'email', lower(btrim(p_buyer ->> 'email')), 'name', btrim(p_buyer ->> 'name'))
   WHERE p_buyer ->> 'kind' = 'guest' AND coalesce(btrim(p_buyer ->> 'email'), '') <> '' AND coalesce(btrim(p_buyer ->> 'name'), '') <> ''
$$;
