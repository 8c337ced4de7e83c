-- An admitted buyer bought (issue 28.4): their place is done, and its room in the window goes
-- to the next in line at the next step (sale_line_step counts admitted places only).
CREATE OR REPLACE FUNCTION "sale_line_done"(p_line uuid, p_buyer text) RETURNS boolean
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  UPDATE sale_line_places SET state = 'done', done_at = now()
   WHERE line_id = p_line AND buyer = p_buyer AND state = 'admitted';
  RETURN FOUND;
END;
$$;
