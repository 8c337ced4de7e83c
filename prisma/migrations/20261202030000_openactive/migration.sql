-- OpenActive open data: venue address fields, event activity and ages, and three more RPDE
-- feeds (SessionSeries, FacilityUse, Slot) numbered like the sessions feed: from
-- feed_change_number_seq, drawn at COMMIT by deferred triggers under feed_lock()
-- (docs/decisions/0003-rpde-feed.md). Every feed table is written only under that lock.

-- Venues: what a real venue's address and contact card carry.
ALTER TABLE "venues"
  ADD COLUMN "postal_code" TEXT,
  ADD COLUMN "region" TEXT,
  ADD COLUMN "country" CHAR(2),
  ADD COLUMN "phone" TEXT,
  ADD COLUMN "url" TEXT,
  ADD CONSTRAINT "venues_country_format" CHECK ("country" ~ '^[A-Z]{2}$'),
  ADD CONSTRAINT "venues_url_format" CHECK ("url" ~ '^https?://');

-- Events: the OpenActive activity-list concept (its uuid; lib/feeds/openactive-activities.json
-- lists the ones offered) and an age range, both optional.
ALTER TABLE "events"
  ADD COLUMN "activity_id" UUID,
  ADD COLUMN "min_age" SMALLINT,
  ADD COLUMN "max_age" SMALLINT,
  ADD CONSTRAINT "events_ages" CHECK (("min_age" IS NULL OR "min_age" BETWEEN 0 AND 120)
                                  AND ("max_age" IS NULL OR "max_age" BETWEEN 0 AND 120)
                                  AND ("min_age" IS NULL OR "max_age" IS NULL OR "min_age" <= "max_age"));

-- One row per event ever published (SessionSeries), per resource (FacilityUse), per bookable
-- slot (Slot). published_xid: the transaction that drew the row's number, so the several
-- triggers one transaction fires (an event with its sessions and ticket types) draw one.
CREATE TABLE "series_feed_items" (
    "event_id" UUID NOT NULL,
    "change_number" BIGINT NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    "published_xid" XID8,
    CONSTRAINT "series_feed_items_pkey" PRIMARY KEY ("event_id")
);
CREATE UNIQUE INDEX "series_feed_items_change_number_key" ON "series_feed_items"("change_number");

CREATE TABLE "facility_use_feed_items" (
    "resource_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "change_number" BIGINT NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    "published_xid" XID8,
    -- Slots exist up to here (the horizon moves forward a day at a time).
    "slots_until" TIMESTAMPTZ(3),
    CONSTRAINT "facility_use_feed_items_pkey" PRIMARY KEY ("resource_id")
);
CREATE UNIQUE INDEX "facility_use_feed_items_change_number_key" ON "facility_use_feed_items"("change_number");

-- A slot is the shortest booking (min_minutes) at each slot start within opening hours, in the
-- venue's time zone, for the next SLOT_HORIZON (14 days). `remaining` is the stored calculated
-- field: 0 while a held or sold booking overlaps it, else 1.
CREATE TABLE "slot_feed_items" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "resource_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "remaining" INTEGER NOT NULL,
    "change_number" BIGINT NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),
    CONSTRAINT "slot_feed_items_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "slot_feed_items_change_number_key" ON "slot_feed_items"("change_number");
CREATE UNIQUE INDEX "slot_feed_items_resource_id_starts_at_key" ON "slot_feed_items"("resource_id", "starts_at");

CREATE FUNCTION "feed_slot_horizon"() RETURNS interval LANGUAGE sql IMMUTABLE AS $$ SELECT interval '14 days' $$;

CREATE FUNCTION "feed_publish_series"(p_event UUID) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM feed_lock();
  IF EXISTS (SELECT 1 FROM series_feed_items WHERE event_id = p_event AND published_xid = pg_current_xact_id()) THEN RETURN; END IF;
  IF EXISTS (SELECT 1 FROM events WHERE id = p_event) THEN
    INSERT INTO series_feed_items AS f (event_id, change_number, published_xid)
    VALUES (p_event, nextval('feed_change_number_seq'), pg_current_xact_id())
    ON CONFLICT (event_id) DO UPDATE
       SET change_number = EXCLUDED.change_number, deleted_at = NULL, published_xid = EXCLUDED.published_xid;
  ELSE
    UPDATE series_feed_items
       SET change_number = nextval('feed_change_number_seq'), deleted_at = clock_timestamp(), published_xid = pg_current_xact_id()
     WHERE event_id = p_event;
  END IF;
END $$;

CREATE FUNCTION "feed_publish_facility_use"(p_resource UUID) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  v_event UUID;
BEGIN
  PERFORM feed_lock();
  IF EXISTS (SELECT 1 FROM facility_use_feed_items WHERE resource_id = p_resource AND published_xid = pg_current_xact_id()) THEN RETURN; END IF;
  SELECT event_id INTO v_event FROM resources WHERE id = p_resource;
  IF FOUND THEN
    INSERT INTO facility_use_feed_items AS f (resource_id, event_id, change_number, published_xid)
    VALUES (p_resource, v_event, nextval('feed_change_number_seq'), pg_current_xact_id())
    ON CONFLICT (resource_id) DO UPDATE
       SET change_number = EXCLUDED.change_number, event_id = EXCLUDED.event_id, deleted_at = NULL,
           published_xid = EXCLUDED.published_xid;
  ELSE
    UPDATE facility_use_feed_items
       SET change_number = nextval('feed_change_number_seq'), deleted_at = clock_timestamp(), published_xid = pg_current_xact_id()
     WHERE resource_id = p_resource;
  END IF;
END $$;

-- The slots one resource offers that start in [p_from, p_to), with their places now.
CREATE FUNCTION "feed_desired_slots"(p_resource UUID, p_from TIMESTAMPTZ, p_to TIMESTAMPTZ)
  RETURNS TABLE (starts_at TIMESTAMPTZ, ends_at TIMESTAMPTZ, remaining INT)
  LANGUAGE sql STABLE AS $$
  SELECT DISTINCT ON (x.starts_at) x.starts_at, x.ends_at,
         CASE WHEN EXISTS (SELECT 1 FROM bookings b
                            WHERE b.resource_id = p_resource AND b.status IN ('held', 'sold')
                              AND tstzrange(b.starts_at, b.ends_at) && tstzrange(x.starts_at, x.ends_at)) THEN 0 ELSE 1 END
    FROM resources r
    JOIN venues v ON v.id = r.venue_id
    CROSS JOIN LATERAL generate_series(((p_from AT TIME ZONE v.time_zone)::date - 1)::timestamp, ((p_to AT TIME ZONE v.time_zone)::date)::timestamp, interval '1 day') d
    CROSS JOIN LATERAL generate_series(r.opens_minute, r.closes_minute - r.min_minutes, r.slot_minutes) m
    CROSS JOIN LATERAL (SELECT ((d::date + make_interval(mins => m)) AT TIME ZONE v.time_zone) AS starts_at,
                               ((d::date + make_interval(mins => m + r.min_minutes)) AT TIME ZONE v.time_zone) AS ends_at) x
   WHERE r.id = p_resource AND x.starts_at >= p_from AND x.starts_at < p_to
   ORDER BY x.starts_at
$$;

-- Brings the future slots of one resource that start in [p_from, p_to) (clamped to now and
-- the horizon) in line with its rules and bookings: new slots appear, slots no longer offered
-- become tombstones, and a slot whose places changed (or every slot, with p_force: the price
-- or the event's status changed) draws a new number. Unchanged slots keep theirs.
CREATE FUNCTION "feed_sync_slots"(p_resource UUID, p_from TIMESTAMPTZ, p_to TIMESTAMPTZ, p_force BOOLEAN) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  v_from TIMESTAMPTZ := greatest(coalesce(p_from, now()), now());
  v_to TIMESTAMPTZ := least(coalesce(p_to, now() + feed_slot_horizon()), now() + feed_slot_horizon());
BEGIN
  PERFORM feed_lock();
  IF NOT EXISTS (SELECT 1 FROM resources WHERE id = p_resource) THEN
    -- The resource is gone: every slot still live becomes a tombstone, in start order.
    UPDATE slot_feed_items s SET change_number = n.number, deleted_at = clock_timestamp()
      FROM (SELECT id, nextval('feed_change_number_seq') AS number
              FROM (SELECT id FROM slot_feed_items WHERE resource_id = p_resource AND deleted_at IS NULL ORDER BY starts_at) o) n
     WHERE s.id = n.id;
    RETURN;
  END IF;
  IF v_from >= v_to THEN RETURN; END IF;

  -- Slots no longer offered (hours or lengths changed) become tombstones.
  UPDATE slot_feed_items s SET change_number = n.number, deleted_at = clock_timestamp()
    FROM (SELECT id, nextval('feed_change_number_seq') AS number
            FROM (SELECT f.id FROM slot_feed_items f
                   WHERE f.resource_id = p_resource AND f.deleted_at IS NULL
                     AND f.starts_at >= v_from AND f.starts_at < v_to
                     AND NOT EXISTS (SELECT 1 FROM feed_desired_slots(p_resource, v_from, v_to) d WHERE d.starts_at = f.starts_at AND d.ends_at = f.ends_at)
                   ORDER BY f.starts_at) o) n
   WHERE s.id = n.id;

  -- New, revived or changed slots draw a number, in start order.
  INSERT INTO slot_feed_items AS f (resource_id, starts_at, ends_at, remaining, change_number)
  SELECT p_resource, c.starts_at, c.ends_at, c.remaining, nextval('feed_change_number_seq')
    FROM (SELECT d.* FROM feed_desired_slots(p_resource, v_from, v_to) d
            LEFT JOIN slot_feed_items e ON e.resource_id = p_resource AND e.starts_at = d.starts_at
           WHERE p_force OR e.id IS NULL OR e.deleted_at IS NOT NULL OR e.ends_at <> d.ends_at OR e.remaining <> d.remaining
           ORDER BY d.starts_at) c
  ON CONFLICT (resource_id, starts_at) DO UPDATE
     SET ends_at = EXCLUDED.ends_at, remaining = EXCLUDED.remaining, change_number = EXCLUDED.change_number, deleted_at = NULL;

  UPDATE facility_use_feed_items SET slots_until = v_to
   WHERE resource_id = p_resource AND (slots_until IS NULL OR slots_until < v_to);
END $$;

-- Moves every resource's slot horizon forward (a day at a time). Cheap when nothing is due:
-- it looks before it takes the lock. Called before a page of the slots feed is served.
CREATE FUNCTION "feed_extend_slot_horizons"() RETURNS int
  LANGUAGE plpgsql AS $$
DECLARE
  target RECORD;
  v_count int := 0;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM facility_use_feed_items
                  WHERE deleted_at IS NULL AND (slots_until IS NULL OR slots_until < now() + feed_slot_horizon() - interval '1 day')) THEN
    RETURN 0;
  END IF;
  PERFORM feed_lock();
  FOR target IN SELECT resource_id, slots_until FROM facility_use_feed_items
                 WHERE deleted_at IS NULL AND (slots_until IS NULL OR slots_until < now() + feed_slot_horizon() - interval '1 day')
                 ORDER BY resource_id LOOP
    PERFORM feed_sync_slots(target.resource_id, target.slots_until, NULL, false);
    v_count := v_count + 1;
  END LOOP;
  RETURN v_count;
END $$;

-- Trigger functions (all deferred: they run at COMMIT and see the transaction's final state).
CREATE FUNCTION "feed_events_changed"() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  target UUID;
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM feed_publish_series(OLD.id);
    RETURN NULL;
  END IF;
  PERFORM feed_publish_series(NEW.id);
  IF TG_OP = 'UPDATE' THEN
    FOR target IN SELECT id FROM resources WHERE event_id = NEW.id ORDER BY id LOOP
      PERFORM feed_publish_facility_use(target);
      -- A slot of a draft event is a tombstone in the feed: the status is part of each slot.
      IF OLD.status IS DISTINCT FROM NEW.status THEN PERFORM feed_sync_slots(target, NULL, NULL, true); END IF;
    END LOOP;
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "events_publish_series_insert"
  AFTER INSERT ON "events" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "feed_events_changed"();
CREATE CONSTRAINT TRIGGER "events_publish_series_delete"
  AFTER DELETE ON "events" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "feed_events_changed"();
CREATE CONSTRAINT TRIGGER "events_publish_series_update"
  AFTER UPDATE ON "events" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN ((OLD."slug", OLD."title", OLD."summary", OLD."description", OLD."category", OLD."status",
         OLD."image_path", OLD."image_alt", OLD."venue_id", OLD."activity_id", OLD."min_age", OLD."max_age")
        IS DISTINCT FROM
        (NEW."slug", NEW."title", NEW."summary", NEW."description", NEW."category", NEW."status",
         NEW."image_path", NEW."image_alt", NEW."venue_id", NEW."activity_id", NEW."min_age", NEW."max_age"))
  EXECUTE FUNCTION "feed_events_changed"();

-- A session's ScheduledSession now carries the event's activity and ages too.
DROP TRIGGER "events_publish_sessions" ON "events";
CREATE CONSTRAINT TRIGGER "events_publish_sessions"
  AFTER UPDATE ON "events" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN ((OLD."slug", OLD."title", OLD."summary", OLD."description", OLD."category", OLD."status",
         OLD."image_path", OLD."image_alt", OLD."city", OLD."neighbourhood", OLD."venue_id",
         OLD."activity_id", OLD."min_age", OLD."max_age")
        IS DISTINCT FROM
        (NEW."slug", NEW."title", NEW."summary", NEW."description", NEW."category", NEW."status",
         NEW."image_path", NEW."image_alt", NEW."city", NEW."neighbourhood", NEW."venue_id",
         NEW."activity_id", NEW."min_age", NEW."max_age"))
  EXECUTE FUNCTION "feed_publish_sessions_of"();

-- Sessions and offers: the series lists the event's offers.
CREATE FUNCTION "feed_series_part_changed"() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  v_event UUID;
BEGIN
  IF TG_TABLE_NAME = 'event_sessions' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM feed_publish_series(OLD.event_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM feed_publish_series(NEW.event_id); END IF;
  ELSE
    -- A ticket type deleted with its session: the session's own trigger publishes the series.
    SELECT event_id INTO v_event FROM event_sessions WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.session_id ELSE NEW.session_id END;
    IF FOUND THEN PERFORM feed_publish_series(v_event); END IF;
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "event_sessions_publish_series"
  AFTER INSERT OR DELETE ON "event_sessions" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "feed_series_part_changed"();
-- The series carries its sessions' schedule outline (dates, times): a moved session changes it.
CREATE CONSTRAINT TRIGGER "event_sessions_publish_series_move"
  AFTER UPDATE ON "event_sessions" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN ((OLD."event_id", OLD."venue_id", OLD."starts_at", OLD."ends_at") IS DISTINCT FROM (NEW."event_id", NEW."venue_id", NEW."starts_at", NEW."ends_at"))
  EXECUTE FUNCTION "feed_series_part_changed"();
CREATE CONSTRAINT TRIGGER "ticket_types_publish_series"
  AFTER INSERT OR DELETE ON "ticket_types" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "feed_series_part_changed"();
CREATE CONSTRAINT TRIGGER "ticket_types_publish_series_update"
  AFTER UPDATE ON "ticket_types" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN ((OLD."name", OLD."description", OLD."price_minor", OLD."currency", OLD."sort_order")
        IS DISTINCT FROM
        (NEW."name", NEW."description", NEW."price_minor", NEW."currency", NEW."sort_order"))
  EXECUTE FUNCTION "feed_series_part_changed"();

-- Venues: every item that embeds the venue (sessions, series, facility uses) is published again.
CREATE FUNCTION "feed_venue_changed"() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  target UUID;
BEGIN
  PERFORM feed_lock();
  FOR target IN SELECT id FROM event_sessions WHERE venue_id = NEW.id ORDER BY id LOOP
    PERFORM feed_publish_session(target, false);
  END LOOP;
  FOR target IN SELECT id FROM events WHERE venue_id = NEW.id ORDER BY id LOOP
    PERFORM feed_publish_series(target);
  END LOOP;
  FOR target IN SELECT id FROM resources WHERE venue_id = NEW.id ORDER BY id LOOP
    PERFORM feed_publish_facility_use(target);
  END LOOP;
  RETURN NULL;
END $$;

DROP TRIGGER "venues_publish_sessions" ON "venues";
CREATE CONSTRAINT TRIGGER "venues_publish_feeds"
  AFTER UPDATE ON "venues" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN ((OLD."name", OLD."address", OLD."city", OLD."neighbourhood", OLD."time_zone", OLD."latitude", OLD."longitude",
         OLD."postal_code", OLD."region", OLD."country", OLD."phone", OLD."url")
        IS DISTINCT FROM
        (NEW."name", NEW."address", NEW."city", NEW."neighbourhood", NEW."time_zone", NEW."latitude", NEW."longitude",
         NEW."postal_code", NEW."region", NEW."country", NEW."phone", NEW."url"))
  EXECUTE FUNCTION "feed_venue_changed"();

-- Resources: the facility use, and its slots (all of them: hours, lengths or price may have changed).
CREATE FUNCTION "feed_resource_changed"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM feed_publish_facility_use(OLD.id);
    PERFORM feed_sync_slots(OLD.id, NULL, NULL, false);
    RETURN NULL;
  END IF;
  PERFORM feed_publish_facility_use(NEW.id);
  IF TG_OP = 'UPDATE' AND OLD."event_id" IS DISTINCT FROM NEW."event_id" THEN PERFORM feed_publish_series(OLD.event_id); END IF;
  PERFORM feed_sync_slots(NEW.id, NULL, NULL, TG_OP = 'UPDATE');
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "resources_publish_insert_delete"
  AFTER INSERT OR DELETE ON "resources" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "feed_resource_changed"();
CREATE CONSTRAINT TRIGGER "resources_publish_update"
  AFTER UPDATE ON "resources" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN ((OLD."event_id", OLD."venue_id", OLD."name", OLD."opens_minute", OLD."closes_minute", OLD."slot_minutes",
         OLD."min_minutes", OLD."max_minutes", OLD."price_minor_per_slot", OLD."currency")
        IS DISTINCT FROM
        (NEW."event_id", NEW."venue_id", NEW."name", NEW."opens_minute", NEW."closes_minute", NEW."slot_minutes",
         NEW."min_minutes", NEW."max_minutes", NEW."price_minor_per_slot", NEW."currency"))
  EXECUTE FUNCTION "feed_resource_changed"();

-- Bookings: a hold, a sale, a release (including the sweeper's release of an expired hold) or
-- a cancellation changes the places of the slots it overlaps.
CREATE FUNCTION "feed_booking_changed"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  -- Slots overlapping [starts_at, ends_at) start at most a day (the longest slot) earlier.
  IF TG_OP <> 'INSERT' THEN PERFORM feed_sync_slots(OLD.resource_id, OLD.starts_at - interval '1 day', OLD.ends_at, false); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM feed_sync_slots(NEW.resource_id, NEW.starts_at - interval '1 day', NEW.ends_at, false); END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "bookings_publish_slots_insert_delete"
  AFTER INSERT OR DELETE ON "bookings" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "feed_booking_changed"();
CREATE CONSTRAINT TRIGGER "bookings_publish_slots_update"
  AFTER UPDATE ON "bookings" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN ((OLD."status", OLD."starts_at", OLD."ends_at", OLD."resource_id") IS DISTINCT FROM (NEW."status", NEW."starts_at", NEW."ends_at", NEW."resource_id"))
  EXECUTE FUNCTION "feed_booking_changed"();

-- What exists before this migration enters the new feeds.
SELECT feed_lock();
INSERT INTO "series_feed_items" ("event_id", "change_number")
SELECT ordered."id", nextval('feed_change_number_seq')
  FROM (SELECT "id" FROM "events" ORDER BY "updated_at", "id") AS ordered;
INSERT INTO "facility_use_feed_items" ("resource_id", "event_id", "change_number")
SELECT ordered."id", ordered."event_id", nextval('feed_change_number_seq')
  FROM (SELECT "id", "event_id" FROM "resources" ORDER BY "id") AS ordered;
SELECT feed_extend_slot_horizons();
