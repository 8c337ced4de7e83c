-- The places of ticket type p_type a buyer can have now (issue 28): its own remaining, capped by
-- every quota that covers it (the quota's capacity less its types' sold + held). What live
-- availability and the open-data feeds show; the commit checks the same under its locks.
CREATE OR REPLACE FUNCTION "ticket_type_available"(p_type uuid) RETURNS int
  LANGUAGE sql STABLE AS $$
  SELECT greatest(0, least(
    (SELECT capacity - sold - held FROM ticket_types WHERE id = p_type),
    (SELECT min(q.capacity - (SELECT coalesce(sum(tt.sold + tt.held), 0) FROM quota_ticket_types x JOIN ticket_types tt ON tt.id = x.ticket_type_id WHERE x.quota_id = q.id))
       FROM quotas q JOIN quota_ticket_types qt ON qt.quota_id = q.id WHERE qt.ticket_type_id = p_type)))::int
$$;
