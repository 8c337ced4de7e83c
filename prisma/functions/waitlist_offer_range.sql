-- Makes waiting range entry p_entry an offer (docs/decisions/0021): a held booking row for
-- exactly its range that belongs to no order (waitlist_entry_id set), so the exclusion
-- constraint, live_bookings, the slot feed and the API show the range taken; the entry is
-- `offered` for the event's waitlist_offer_hours (never past the range's start), and the
-- `waitlist_offer` job that emails the link is committed with it. The caller holds the
-- resource's lock and has checked the range is free. Returns the booking row's id.
CREATE OR REPLACE FUNCTION "waitlist_offer_range"(p_entry uuid) RETURNS uuid
  LANGUAGE plpgsql AS $$
DECLARE
  e waitlist_entries%ROWTYPE;
  v_until timestamptz;
  v_booking uuid;
BEGIN
  SELECT * INTO e FROM waitlist_entries WHERE id = p_entry AND status = 'waiting' AND resource_id IS NOT NULL FOR UPDATE;
  IF NOT FOUND THEN RETURN NULL; END IF;
  SELECT least(now() + make_interval(hours => waitlist_offer_hours), e.starts_at) INTO v_until FROM events WHERE id = e.event_id;
  INSERT INTO bookings (resource_id, waitlist_entry_id, starts_at, ends_at)
  VALUES (e.resource_id, p_entry, e.starts_at, e.ends_at)
  RETURNING id INTO v_booking;
  UPDATE waitlist_entries SET status = 'offered', offered_at = now(), offer_expires_at = v_until WHERE id = p_entry;
  PERFORM jobs_enqueue('waitlist_offer', jsonb_build_object('entryId', p_entry::text), 'waitlist_offer:' || p_entry);
  RETURN v_booking;
END $$;
