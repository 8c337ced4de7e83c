-- Offers the free places of ticket type p_type to its line (docs/decisions/0018): while they fit
-- the next waiting entry (by created_at, id), that entry gets an offer (waitlist_offer). First
-- fit: an entry wanting more places than are free keeps its position and is passed over this
-- round; a later, smaller one may get them. Nothing is offered for a type that is not on sale
-- (its session cancelled, started or over, the event unpublished). The caller holds the type's
-- and its quotas' locks. Returns the offers made.
CREATE OR REPLACE FUNCTION "waitlist_offer_in_line"(p_type uuid) RETURNS int
  LANGUAGE plpgsql AS $$
DECLARE
  v_free int;
  v_made int := 0;
  e record;
BEGIN
  IF NOT waitlist_type_on_sale(p_type) THEN RETURN 0; END IF;
  v_free := ticket_type_available(p_type);
  FOR e IN
    SELECT id, quantity FROM waitlist_entries WHERE ticket_type_id = p_type AND status = 'waiting'
     ORDER BY created_at, id FOR UPDATE
  LOOP
    EXIT WHEN v_free <= 0;
    CONTINUE WHEN e.quantity > v_free;
    PERFORM waitlist_offer(e.id);
    v_free := v_free - e.quantity;
    v_made := v_made + 1;
  END LOOP;
  RETURN v_made;
END $$;
