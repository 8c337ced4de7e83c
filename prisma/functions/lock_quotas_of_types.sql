-- Locks the quotas over ticket types p_type_ids (by id), after their sessions (by id): steps 2a
-- and 3a of the lock order (docs/decisions/0002). The session first because a change to a
-- type's places takes its session's row (the `remaining` trigger) before the waiting list's
-- trigger locks the quotas to make an offer; a buyer taking the quotas before the session would
-- close a cycle with a cancellation (found by lib/waitlist/waitlist-quota.integration.test.ts).
-- Types in no quota lock nothing more (their session is taken later, as before).
CREATE OR REPLACE FUNCTION "lock_quotas_of_types"(p_type_ids uuid[]) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM quota_ticket_types WHERE ticket_type_id = ANY(p_type_ids)) THEN RETURN; END IF;
  PERFORM 1 FROM event_sessions WHERE id IN (SELECT session_id FROM ticket_types WHERE id = ANY(p_type_ids)) ORDER BY id FOR NO KEY UPDATE;
  PERFORM 1 FROM quotas WHERE id IN (SELECT quota_id FROM quota_ticket_types WHERE ticket_type_id = ANY(p_type_ids)) ORDER BY id FOR UPDATE;
END $$;
