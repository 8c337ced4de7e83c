-- The waiting list of resource p_resource takes the time that came free (docs/decisions/0021):
-- its waiting entries, in line order (created_at, id), each get an offer for their range when
-- no booking (held, sold, or an offer just made) overlaps it any more. First fit, as for ticket
-- types: an entry whose range is still partly taken keeps its position and is passed over this
-- round; a later one whose range is free gets it. Nothing is offered for a range that has begun
-- or a resource whose event is not on sale. Lock order (ADR 0002): the resource (the caller's,
-- or here), then the entries. Returns the offers made.
CREATE OR REPLACE FUNCTION "waitlist_offer_freed_range"(p_resource uuid) RETURNS int
  LANGUAGE plpgsql AS $$
DECLARE
  v_made int := 0;
  e record;
BEGIN
  -- Most resources have nobody waiting: answer without a lock.
  IF NOT EXISTS (SELECT 1 FROM waitlist_entries WHERE resource_id = p_resource AND status = 'waiting' AND starts_at > now()) THEN RETURN 0; END IF;
  PERFORM 1 FROM resources WHERE id = p_resource FOR UPDATE;
  IF NOT waitlist_resource_on_sale(p_resource) THEN RETURN 0; END IF;
  FOR e IN
    SELECT id, starts_at, ends_at FROM waitlist_entries
     WHERE resource_id = p_resource AND status = 'waiting' AND starts_at > now()
     ORDER BY created_at, id FOR UPDATE
  LOOP
    CONTINUE WHEN NOT resource_range_free(p_resource, e.starts_at, e.ends_at);
    PERFORM waitlist_offer_range(e.id);
    v_made := v_made + 1;
  END LOOP;
  RETURN v_made;
END $$;
