-- Why a range of `p_minutes` from `p_start` may not be booked under these rules, or NULL
-- (reference/time-availability-implementations.txt): a length within min and max and a whole
-- number of slots, not in the past, a start on the slot grid from opening time, inside opening
-- hours on one local day, all in the venue's time zone. Overlap is checked under lock by the caller.
CREATE OR REPLACE FUNCTION "order_booking_refusal"(p_resource resources, p_time_zone text, p_start timestamptz, p_minutes int) RETURNS jsonb
  LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_local timestamp := p_start AT TIME ZONE p_time_zone;
  v_end timestamp := (p_start + make_interval(mins => p_minutes)) AT TIME ZONE p_time_zone;
  v_minute int := extract(hour FROM v_local)::int * 60 + extract(minute FROM v_local)::int;
  v_end_minute int := extract(hour FROM v_end)::int * 60 + extract(minute FROM v_end)::int + (v_end::date - v_local::date) * 1440;
BEGIN
  IF p_minutes < p_resource.min_minutes OR p_minutes > p_resource.max_minutes THEN
    RETURN jsonb_build_object('ok', false, 'code', 'bad_length', 'min', p_resource.min_minutes, 'max', p_resource.max_minutes);
  END IF;
  IF p_minutes % p_resource.slot_minutes <> 0 THEN
    RETURN jsonb_build_object('ok', false, 'code', 'bad_length_step', 'step', p_resource.slot_minutes);
  END IF;
  IF p_start <= now() THEN RETURN jsonb_build_object('ok', false, 'code', 'in_past'); END IF;
  IF date_trunc('minute', p_start) <> p_start OR (v_minute - p_resource.opens_minute) % p_resource.slot_minutes <> 0 THEN
    RETURN jsonb_build_object('ok', false, 'code', 'misaligned', 'step', p_resource.slot_minutes);
  END IF;
  IF v_minute < p_resource.opens_minute OR v_end_minute > p_resource.closes_minute THEN
    RETURN jsonb_build_object('ok', false, 'code', 'outside_hours');
  END IF;
  RETURN NULL;
END $$;
