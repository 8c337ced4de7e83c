-- How long a request key (an Idempotency-Key, a checkout form's key) means "the same request":
-- its stored answer is replayed and the order it made is given back for this long; then the
-- key is free for a new request. The one home of this number (lib/api/idempotency.ts reads it).
CREATE OR REPLACE FUNCTION "request_key_lifetime"() RETURNS interval
  LANGUAGE sql IMMUTABLE AS $$ SELECT interval '24 hours' $$;
