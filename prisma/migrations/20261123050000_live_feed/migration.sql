-- Live availability (LISTEN/NOTIFY) and the OpenActive RPDE feed of sessions.
-- See docs/decisions/0003-rpde-feed.md for why positions are assigned at commit under a lock.

-- One counter for the whole feed: live sessions and tombstones share one ordering.
CREATE SEQUENCE "feed_change_number_seq" AS BIGINT;

-- The feed of sessions, one row per session ever published: its position in the feed
-- (change_number, RPDE "Incrementing Unique Change Number") and, once the session is deleted,
-- the time of deletion (a tombstone, kept at least 7 days). The session's data itself is read
-- from event_sessions, events, venues and ticket_types when a page is served.
-- Written only by feed_publish_session() and the DELETE trigger, always under the feed lock.
CREATE TABLE "session_feed_items" (
    "session_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "change_number" BIGINT NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    CONSTRAINT "session_feed_items_pkey" PRIMARY KEY ("session_id")
);

CREATE UNIQUE INDEX "session_feed_items_change_number_key" ON "session_feed_items"("change_number");
-- Live catch-up of one event's sessions (GET /api/stream?event=...).
CREATE INDEX "session_feed_items_event_id_change_number_idx" ON "session_feed_items"("event_id", "change_number");
-- Pruning old tombstones (a partial index cannot be written in schema.prisma; it lives only here).
CREATE INDEX "session_feed_items_tombstones_idx" ON "session_feed_items"("deleted_at") WHERE "deleted_at" IS NOT NULL;

-- THE FEED LOCK. Every change number is drawn by a transaction holding this transaction-level
-- advisory lock, which PostgreSQL releases only after the commit is visible to others. So the
-- next number is drawn only once every smaller one is committed (or rolled back): numbers
-- become visible in increasing order, and a reader that has passed number N can never later
-- find a committed item below N (the race RPDE warns about). The callers below run at
-- commit time (deferred constraint triggers), so the lock is held only for the last moments
-- of a transaction, and the only rows written while holding it are session_feed_items rows,
-- which nobody touches without it: a holder never waits, so it can't be part of a deadlock.
CREATE FUNCTION "feed_lock"() RETURNS void
  LANGUAGE sql AS $$ SELECT pg_advisory_xact_lock(hashtextextended('local_tickets.session_feed', 0)) $$;

-- Publishes the current state of one session: a new change number, and a notification on
-- the `availability` channel (NOTIFY is delivered on commit, in commit order).
-- p_revive: only a newly inserted session may turn a tombstone with its id back into an item.
CREATE FUNCTION "feed_publish_session"(p_session_id UUID, p_revive BOOLEAN) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  session_row RECORD;
  next_number BIGINT;
  types JSON;
  payload TEXT;
BEGIN
  PERFORM feed_lock();
  SELECT s.id, s.event_id, s.remaining, s.cancelled, e.status::text AS event_status
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

  SELECT json_agg(json_build_object('id', tt.id, 'remaining', tt.remaining) ORDER BY tt.sort_order, tt.id)
    INTO types FROM ticket_types tt WHERE tt.session_id = session_row.id;
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

CREATE FUNCTION "event_sessions_publish"() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  next_number BIGINT;
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM feed_lock();
    next_number := nextval('feed_change_number_seq');
    INSERT INTO session_feed_items AS f (session_id, event_id, change_number, deleted_at)
    VALUES (OLD.id, OLD.event_id, next_number, clock_timestamp())
    ON CONFLICT (session_id) DO UPDATE
       SET change_number = EXCLUDED.change_number, event_id = EXCLUDED.event_id, deleted_at = EXCLUDED.deleted_at;
    PERFORM pg_notify('availability', json_build_object(
      'sessionId', OLD.id, 'eventId', OLD.event_id, 'changeNumber', next_number,
      'deleted', true, 'public', true, 'cancelled', OLD.cancelled, 'remaining', 0, 'ticketTypes', '[]'::json)::text);
    RETURN NULL;
  END IF;
  PERFORM feed_publish_session(NEW.id, TG_OP = 'INSERT');
  RETURN NULL;
END $$;

-- Deferred: fired at COMMIT, after every other statement of the transaction, so the number
-- is drawn as late as possible and the state published is the final one.
CREATE CONSTRAINT TRIGGER "event_sessions_publish_insert"
  AFTER INSERT ON "event_sessions" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "event_sessions_publish"();
-- Every update: its own columns, and the stored `remaining` kept by ticket_types_sync_session_remaining.
CREATE CONSTRAINT TRIGGER "event_sessions_publish_update"
  AFTER UPDATE ON "event_sessions" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "event_sessions_publish"();
CREATE CONSTRAINT TRIGGER "event_sessions_publish_delete"
  AFTER DELETE ON "event_sessions" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "event_sessions_publish"();

-- The feed embeds the event, the venue and the offers (ticket types) in each session: a change
-- to any of them is a change of the session's data, so its sessions are published again.
-- These publish directly (no UPDATE of event_sessions), so they never take session row locks
-- and never change the lock order of docs/decisions/0002-lock-order.md.
CREATE FUNCTION "feed_publish_sessions_of"() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  target UUID;
BEGIN
  -- Lock first: the sessions listed below are then read after every earlier publisher committed.
  PERFORM feed_lock();
  IF TG_TABLE_NAME = 'events' THEN
    FOR target IN SELECT id FROM event_sessions WHERE event_id = NEW.id ORDER BY id LOOP
      PERFORM feed_publish_session(target, false);
    END LOOP;
  ELSIF TG_TABLE_NAME = 'venues' THEN
    FOR target IN SELECT id FROM event_sessions WHERE venue_id = NEW.id ORDER BY id LOOP
      PERFORM feed_publish_session(target, false);
    END LOOP;
  ELSE
    PERFORM feed_publish_session(NEW.session_id, false);
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "events_publish_sessions"
  AFTER UPDATE ON "events" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN ((OLD."slug", OLD."title", OLD."summary", OLD."description", OLD."category", OLD."status",
         OLD."image_path", OLD."image_alt", OLD."city", OLD."neighbourhood", OLD."venue_id")
        IS DISTINCT FROM
        (NEW."slug", NEW."title", NEW."summary", NEW."description", NEW."category", NEW."status",
         NEW."image_path", NEW."image_alt", NEW."city", NEW."neighbourhood", NEW."venue_id"))
  EXECUTE FUNCTION "feed_publish_sessions_of"();

CREATE CONSTRAINT TRIGGER "venues_publish_sessions"
  AFTER UPDATE ON "venues" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN ((OLD."name", OLD."address", OLD."city", OLD."neighbourhood", OLD."time_zone", OLD."latitude", OLD."longitude")
        IS DISTINCT FROM
        (NEW."name", NEW."address", NEW."city", NEW."neighbourhood", NEW."time_zone", NEW."latitude", NEW."longitude"))
  EXECUTE FUNCTION "feed_publish_sessions_of"();

-- Offers: places changes already reach the session through ticket_types_sync_session_remaining.
CREATE CONSTRAINT TRIGGER "ticket_types_publish_session"
  AFTER UPDATE ON "ticket_types" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN ((OLD."name", OLD."description", OLD."price_minor", OLD."currency", OLD."sort_order")
        IS DISTINCT FROM
        (NEW."name", NEW."description", NEW."price_minor", NEW."currency", NEW."sort_order"))
  EXECUTE FUNCTION "feed_publish_sessions_of"();

-- Sessions that exist before this migration enter the feed in the order they last changed.
INSERT INTO "session_feed_items" ("session_id", "event_id", "change_number")
SELECT ordered."id", ordered."event_id", nextval('feed_change_number_seq')
  FROM (SELECT "id", "event_id" FROM "event_sessions" ORDER BY "modified_at", "id") AS ordered;
