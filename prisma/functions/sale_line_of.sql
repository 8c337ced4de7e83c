-- The line of an event's scheduled opening (issue 28.4), made on first use: the opening is the
-- earliest sales_start over the event's ticket types still to come (hidden ones aside); a type
-- without one is on sale already, so there is no scheduled opening. A line exists from p_lead
-- before the opening until p_drain after it; outside that, NULL (buyers go straight to the
-- purchase path). Also answers where the line's front is and the places left per session on
-- sale with their change numbers, for the process's cache (lib/sale-line/schedule.ts, stock.ts).
CREATE OR REPLACE FUNCTION "sale_line_of"(p_event uuid, p_lead interval, p_drain interval) RETURNS json
  LANGUAGE plpgsql AS $$
DECLARE
  v_opens timestamptz;
  v_line sale_lines%ROWTYPE;
BEGIN
  SELECT min(coalesce(tt.sales_start, '-infinity'::timestamptz)) INTO v_opens
    FROM events e
    JOIN event_sessions s ON s.event_id = e.id
    JOIN ticket_types tt ON tt.session_id = s.id
   WHERE e.id = p_event AND e.status = 'published' AND NOT s.cancelled AND s.starts_at > now() AND NOT tt.hidden;
  IF v_opens IS NULL OR NOT isfinite(v_opens) OR now() < v_opens - p_lead OR now() > v_opens + p_drain THEN
    RETURN NULL;
  END IF;
  SELECT * INTO v_line FROM sale_lines l WHERE l.event_id = p_event AND l.opens_at = v_opens;
  IF NOT FOUND THEN
    INSERT INTO sale_lines (event_id, opens_at) VALUES (p_event, v_opens)
      ON CONFLICT (event_id, opens_at) DO NOTHING
      RETURNING * INTO v_line;
    IF FOUND THEN
      INSERT INTO sale_line_fronts (line_id) VALUES (v_line.id);
    ELSE
      -- Another process made it a moment ago (the insert waited for its commit).
      SELECT * INTO v_line FROM sale_lines l WHERE l.event_id = p_event AND l.opens_at = v_opens;
    END IF;
  END IF;
  RETURN json_build_object(
    'lineId', v_line.id,
    'opensAt', v_line.opens_at,
    'now', now(),
    'admittedThrough', (SELECT f.admitted_through FROM sale_line_fronts f WHERE f.line_id = v_line.id),
    'sessions', (SELECT coalesce(json_agg(json_build_object('id', s.id, 'remaining', s.remaining, 'changeNumber', coalesce(f.change_number, 0))), '[]'::json)
                   FROM event_sessions s LEFT JOIN session_feed_items f ON f.session_id = s.id
                  WHERE s.event_id = p_event AND NOT s.cancelled AND s.starts_at > now()));
END;
$$;
