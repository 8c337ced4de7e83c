-- Publishes the current state of one session: a new change number, and a notification on
-- the `availability` channel (NOTIFY is delivered on commit, in commit order).
-- p_revive: only a newly inserted session may turn a tombstone with its id back into an item.
CREATE OR REPLACE FUNCTION "feed_publish_session"(p_session_id UUID, p_revive BOOLEAN) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  session_row RECORD;
  next_number BIGINT;
  types JSON;
  payload TEXT;
BEGIN
  PERFORM feed_lock();
  SELECT s.id, s.event_id, session_available(s.id) AS remaining, s.cancelled, e.status::text AS event_status
    INTO session_row
    FROM event_sessions s JOIN events e ON e.id = s.event_id
   WHERE s.id = p_session_id;
  -- Deleted later in this same transaction: the DELETE trigger publishes the tombstone.
  IF NOT FOUND THEN RETURN; END IF;

  next_number := nextval('feed_change_number_seq');
  INSERT INTO session_feed_items AS f (session_id, event_id, change_number)
  VALUES (session_row.id, session_row.event_id, next_number)
  ON CONFLICT (session_id) DO UPDATE
     SET change_number = EXCLUDED.change_number, event_id = EXCLUDED.event_id, deleted_at = NULL
   WHERE f.deleted_at IS NULL OR p_revive;

  -- Places a buyer can have, quotas included (issue 28); hidden types are not announced.
  SELECT json_agg(json_build_object('id', tt.id, 'remaining', ticket_type_available(tt.id)) ORDER BY tt.sort_order, tt.id)
    INTO types FROM ticket_types tt WHERE tt.session_id = session_row.id AND NOT tt.hidden;
  payload := json_build_object(
    'sessionId', session_row.id, 'eventId', session_row.event_id, 'changeNumber', next_number,
    'deleted', false, 'public', session_row.event_status <> 'draft', 'cancelled', session_row.cancelled,
    'remaining', session_row.remaining, 'ticketTypes', coalesce(types, '[]'::json))::text;
  -- pg_notify refuses payloads of 8000 bytes or more, which would fail the commit: a session
  -- with very many ticket types sends its totals only, and listeners read the rest.
  IF octet_length(payload) > 7900 THEN
    payload := json_build_object(
      'sessionId', session_row.id, 'eventId', session_row.event_id, 'changeNumber', next_number,
      'deleted', false, 'public', session_row.event_status <> 'draft', 'cancelled', session_row.cancelled,
      'remaining', session_row.remaining, 'ticketTypes', NULL)::text;
  END IF;
  PERFORM pg_notify('availability', payload);
END $$;
