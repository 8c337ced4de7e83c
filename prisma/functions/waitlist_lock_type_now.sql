-- Locks ticket type p_type, its session and its quotas (lock_quotas_of_types' order) only if none is held by another transaction right now
-- (NOWAIT), all or nothing: the subtransaction of the EXCEPTION block gives back what it took.
-- For a type taken out of the lock order (ADR 0002): never waiting, it can never deadlock.
CREATE OR REPLACE FUNCTION "waitlist_lock_type_now"(p_type uuid) RETURNS boolean
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM ticket_types WHERE id = p_type FOR UPDATE NOWAIT;
  PERFORM 1 FROM event_sessions WHERE id = (SELECT session_id FROM ticket_types WHERE id = p_type) FOR NO KEY UPDATE NOWAIT;
  PERFORM 1 FROM quotas WHERE id IN (SELECT quota_id FROM quota_ticket_types WHERE ticket_type_id = p_type) ORDER BY id FOR UPDATE NOWAIT;
  RETURN true;
EXCEPTION WHEN lock_not_available THEN
  RETURN false;
END $$;
