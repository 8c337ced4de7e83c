-- Lets the front of a line through at the set pace (issue 28.4): p_rate buyers a second, at
-- most p_max_admitted with a live window to buy at once, in position order. A waiting place
-- whose buyer has not asked for p_expiry is passed over (left). Nothing before the opening.
-- Any process may call it on any request; one step runs at a time per line and at most one
-- every 200 ms (the others find the front locked or too recent and go on without waiting,
-- and without taking a lock). The pace is earned in time: `credit` carries a fraction of a
-- buyer to the next step, and never more than two seconds' worth (no burst after a pause).
CREATE OR REPLACE FUNCTION "sale_line_step"(p_line uuid, p_rate real, p_max_admitted int, p_window interval, p_expiry interval) RETURNS int
  LANGUAGE plpgsql AS $$
DECLARE
  v_opens timestamptz;
  v_front sale_line_fronts%ROWTYPE;
  v_credit double precision;
  v_in_window int;
  v_room int;
  v_admitted int := 0;
  v_through bigint;
  v_place record;
BEGIN
  SELECT l.opens_at INTO v_opens FROM sale_lines l WHERE l.id = p_line;
  IF v_opens IS NULL OR now() < v_opens THEN
    RETURN 0;
  END IF;
  SELECT * INTO v_front FROM sale_line_fronts f
   WHERE f.line_id = p_line AND (f.stepped_at IS NULL OR f.stepped_at <= now() - interval '200 milliseconds')
     FOR UPDATE SKIP LOCKED;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;
  v_credit := least(
    v_front.credit + p_rate * extract(epoch FROM now() - greatest(coalesce(v_front.stepped_at, v_opens), v_opens)),
    greatest(p_rate * 2, 1));
  SELECT count(*) INTO v_in_window FROM sale_line_places p
   WHERE p.line_id = p_line AND p.state = 'admitted' AND p.admitted_at > now() - p_window;
  v_room := least(floor(v_credit)::int, p_max_admitted - v_in_window);
  v_through := v_front.admitted_through;
  IF v_room > 0 THEN
    FOR v_place IN
      SELECT p.position, p.seen_at FROM sale_line_places p
       WHERE p.line_id = p_line AND p.state = 'waiting'
       ORDER BY p.position
         FOR UPDATE
    LOOP
      IF v_place.seen_at < now() - p_expiry THEN
        UPDATE sale_line_places SET state = 'left' WHERE line_id = p_line AND position = v_place.position;
      ELSE
        UPDATE sale_line_places SET state = 'admitted', admitted_at = now() WHERE line_id = p_line AND position = v_place.position;
        v_admitted := v_admitted + 1;
      END IF;
      v_through := greatest(v_through, v_place.position);
      EXIT WHEN v_admitted >= v_room;
    END LOOP;
  END IF;
  UPDATE sale_line_fronts
     SET credit = v_credit - v_admitted, stepped_at = now(), admitted_through = v_through, admitted = admitted + v_admitted
   WHERE line_id = p_line;
  RETURN v_admitted;
END;
$$;
