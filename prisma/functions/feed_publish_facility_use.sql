CREATE OR REPLACE FUNCTION "feed_publish_facility_use"(p_resource UUID) RETURNS void
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
