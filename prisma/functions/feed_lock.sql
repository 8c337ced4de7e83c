-- THE FEED LOCK. Every change number is drawn by a transaction holding this transaction-level
-- advisory lock, which PostgreSQL releases only after the commit is visible to others. So the
-- next number is drawn only once every smaller one is committed (or rolled back): numbers
-- become visible in increasing order, and a reader that has passed number N can never later
-- find a committed item below N (the race RPDE warns about). The callers below run at
-- commit time (deferred constraint triggers), so the lock is held only for the last moments
-- of a transaction, and the only rows written while holding it are session_feed_items rows,
-- which nobody touches without it: a holder never waits, so it can't be part of a deadlock.
CREATE OR REPLACE FUNCTION "feed_lock"() RETURNS void
  LANGUAGE sql AS $$ SELECT pg_advisory_xact_lock(hashtextextended('local_tickets.session_feed', 0)) $$;
