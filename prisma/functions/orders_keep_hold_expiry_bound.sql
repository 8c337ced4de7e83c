-- A hold cut short (a payment network's "late" test path, an operator's fix) keeps the bound
-- true: the bound may only ever be at or before the real earliest expiry. Order row first,
-- then its ticket types: the lock order of docs/decisions/0002.
CREATE OR REPLACE FUNCTION "orders_keep_hold_expiry_bound"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE ticket_types tt SET next_hold_expiry = LEAST(tt.next_hold_expiry, NEW.hold_expires_at)
   WHERE tt.id IN (SELECT ticket_type_id FROM order_items WHERE order_id = NEW.id AND status = 'held')
     AND (tt.next_hold_expiry IS NULL OR tt.next_hold_expiry > NEW.hold_expires_at);
  RETURN NULL;
END $$;
