-- Makes waiting entry p_entry an offer: a voucher for exactly its places of its type at the
-- price as listed (percent off 0, max_uses = its quantity, tag 'waitlist', valid for the
-- event's waitlist_offer_hours), its places counted as held (so every availability figure,
-- the live stream and the feeds show them taken), and the `waitlist_offer` job that emails the
-- code, committed with it. The caller holds the type's lock and has checked the places are free.
CREATE OR REPLACE FUNCTION "waitlist_offer"(p_entry uuid) RETURNS uuid
  LANGUAGE plpgsql AS $$
DECLARE
  e waitlist_entries%ROWTYPE;
  v_voucher uuid;
  v_until timestamptz;
BEGIN
  SELECT * INTO e FROM waitlist_entries WHERE id = p_entry AND status = 'waiting' FOR UPDATE;
  IF NOT FOUND THEN RETURN NULL; END IF;
  SELECT now() + make_interval(hours => waitlist_offer_hours) INTO v_until FROM events WHERE id = e.event_id;
  -- The offer is the event's host's code, like the codes the host makes (issue 30).
  INSERT INTO vouchers (host_id, code, kind, value, max_uses, valid_until, event_ids, ticket_type_ids, reveals_hidden, tag, note, created_by)
  VALUES ((SELECT host_id FROM events WHERE id = e.event_id), 'WAIT-' || upper(translate(left(encode(uuid_send(gen_random_uuid()), 'base64'), 16), '+/', '-_')),
          'percent_off', 0, e.quantity, v_until, ARRAY[e.event_id], ARRAY[e.ticket_type_id], true, 'waitlist',
          'Waiting list offer to ' || e.email, 'waitlist')
  RETURNING id INTO v_voucher;
  UPDATE waitlist_entries SET status = 'offered', voucher_id = v_voucher, offered_at = now(), offer_expires_at = v_until WHERE id = p_entry;
  UPDATE ticket_types SET held = held + e.quantity WHERE id = e.ticket_type_id;
  PERFORM jobs_enqueue('waitlist_offer', jsonb_build_object('entryId', p_entry::text), 'waitlist_offer:' || p_entry);
  RETURN v_voucher;
END $$;
