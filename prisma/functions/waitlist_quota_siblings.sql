-- The other ticket types sharing a quota with p_type: their free places move with p_type's.
CREATE OR REPLACE FUNCTION "waitlist_quota_siblings"(p_type uuid) RETURNS SETOF uuid
  LANGUAGE sql STABLE AS $$
  SELECT DISTINCT other.ticket_type_id
    FROM quota_ticket_types mine JOIN quota_ticket_types other ON other.quota_id = mine.quota_id
   WHERE mine.ticket_type_id = p_type AND other.ticket_type_id <> p_type
$$;
