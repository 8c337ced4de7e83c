-- 160 random bits, URL-safe (27 characters, like lib/orders/codes.ts once made them).
CREATE OR REPLACE FUNCTION "new_ticket_code"() RETURNS text
  LANGUAGE sql VOLATILE AS $$
  SELECT left(translate(encode(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'base64'), '+/', '-_'), 27)
$$;
