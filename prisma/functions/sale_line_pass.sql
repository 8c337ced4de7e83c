-- A buyer asks to pass the line (issue 28.4): the buying API on every try, the event page on
-- every poll. First a step of the pace (sale_line_step), then the buyer's one live place:
-- kept as it is (asking again never moves it), marked seen (at most every quarter of
-- p_expiry, so a poll is usually a read), or, when the buyer had gone (waiting, unseen for
-- p_expiry) or let their window to buy pass, ended, and a new place taken at the back.
-- Answers the place as JSON: position, state (waiting or admitted), how many are ahead
-- (the positions between the front and this one; those who left are counted until the
-- front passes them), the opening, the front, and the database's clock.
--
-- Nothing written here is worth a wait for the WAL flush: a heartbeat, a step of the pace or
-- a new place lost in a crash is made again by the buyer's next try (a new place then at the
-- back). So the transaction commits without waiting (synchronous_commit off, this transaction
-- only), which keeps the line's rows locked for microseconds, not a disk flush.
CREATE OR REPLACE FUNCTION "sale_line_pass"(p_line uuid, p_buyer text, p_rate real, p_max_admitted int, p_window interval, p_expiry interval) RETURNS json
  LANGUAGE plpgsql AS $$
DECLARE
  v_place sale_line_places%ROWTYPE;
  v_position bigint;
  v_joined boolean := false;
  v_opens timestamptz;
  v_through bigint;
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  PERFORM sale_line_step(p_line, p_rate, p_max_admitted, p_window, p_expiry);

  SELECT * INTO v_place FROM sale_line_places p
   WHERE p.line_id = p_line AND p.buyer = p_buyer AND p.state IN ('waiting', 'admitted')
     FOR UPDATE;
  IF FOUND THEN
    IF v_place.state = 'waiting' AND v_place.seen_at < now() - p_expiry THEN
      UPDATE sale_line_places SET state = 'left' WHERE line_id = p_line AND position = v_place.position;
      v_place := NULL;
    ELSIF v_place.state = 'admitted' AND v_place.admitted_at <= now() - p_window THEN
      UPDATE sale_line_places SET state = 'done', done_at = now() WHERE line_id = p_line AND position = v_place.position;
      v_place := NULL;
    ELSIF v_place.seen_at < now() - p_expiry / 4 THEN
      UPDATE sale_line_places SET seen_at = now() WHERE line_id = p_line AND position = v_place.position;
    END IF;
  END IF;

  IF v_place.position IS NULL THEN
    UPDATE sale_lines SET last_position = last_position + 1 WHERE id = p_line RETURNING last_position INTO v_position;
    IF v_position IS NULL THEN
      RETURN NULL;
    END IF;
    INSERT INTO sale_line_places (line_id, position, buyer) VALUES (p_line, v_position, p_buyer)
      ON CONFLICT (line_id, buyer) WHERE state IN ('waiting', 'admitted') DO NOTHING;
    v_joined := FOUND;
    -- Not inserted: the same buyer's other request joined a moment ago (its position stays a gap).
    SELECT * INTO v_place FROM sale_line_places p
     WHERE p.line_id = p_line AND p.buyer = p_buyer AND p.state IN ('waiting', 'admitted');
  END IF;

  SELECT l.opens_at, f.admitted_through INTO v_opens, v_through
    FROM sale_lines l JOIN sale_line_fronts f ON f.line_id = l.id WHERE l.id = p_line;
  RETURN json_build_object(
    'position', v_place.position,
    'state', v_place.state,
    'joined', v_joined,
    'ahead', CASE WHEN v_place.state = 'waiting' THEN greatest(0, v_place.position - v_through - 1) ELSE 0 END,
    'admittedAt', v_place.admitted_at,
    'opensAt', v_opens,
    'admittedThrough', v_through,
    'now', now());
END;
$$;
