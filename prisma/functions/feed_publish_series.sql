CREATE OR REPLACE FUNCTION "feed_publish_series"(p_event UUID) RETURNS void
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
