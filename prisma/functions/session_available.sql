-- The places of session p_session a buyer can have now (issue 28): its stored remaining (the sum
-- of its types' remaining) less what quotas hold back (a quota over types with more remaining
-- than the quota has left caps them together). Types are meant to be in one quota at most; a
-- type in several is counted under each, so the figure errs low, never high.
CREATE OR REPLACE FUNCTION "session_available"(p_session uuid) RETURNS int
  LANGUAGE sql STABLE AS $$
  SELECT greatest(0, (SELECT remaining FROM event_sessions WHERE id = p_session) - coalesce((
    SELECT sum(greatest(0, types_left - quota_left))
      FROM (SELECT q.id,
                   q.capacity - sum(tt.sold + tt.held) AS quota_left,
                   sum(greatest(0, tt.capacity - tt.sold - tt.held)) AS types_left
              FROM quotas q JOIN quota_ticket_types x ON x.quota_id = q.id JOIN ticket_types tt ON tt.id = x.ticket_type_id
             WHERE q.session_id = p_session GROUP BY q.id, q.capacity) per_quota), 0))::int
$$;
