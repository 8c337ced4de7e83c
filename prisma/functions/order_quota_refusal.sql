-- Shared capacity (issue 28): locks the quotas that cover any of the ticket types (after the
-- types themselves and their sessions, docs/decisions/0002; by id) and refuses when one has fewer places left than
-- this order asks of its types. A quota keeps no counter: what it has given is the sum of its
-- types' sold + held, which only the holders of those types' locks raise. NULL: room for all.
CREATE OR REPLACE FUNCTION "order_quota_refusal"(p_type_ids uuid[], p_quantities int[]) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  q record;
BEGIN
  PERFORM lock_quotas_of_types(p_type_ids);
  FOR q IN
    SELECT qu.id, qu.name, qu.capacity,
           (SELECT coalesce(sum(tt.sold + tt.held), 0)::int FROM quota_ticket_types x JOIN ticket_types tt ON tt.id = x.ticket_type_id WHERE x.quota_id = qu.id) AS taken,
           (SELECT coalesce(sum(r.quantity), 0)::int FROM unnest(p_type_ids, p_quantities) AS r(id, quantity)
             WHERE r.id IN (SELECT ticket_type_id FROM quota_ticket_types WHERE quota_id = qu.id)) AS asked,
           (SELECT min(r.id::text)::uuid FROM unnest(p_type_ids) AS r(id)
             WHERE r.id IN (SELECT ticket_type_id FROM quota_ticket_types WHERE quota_id = qu.id)) AS first_type
      FROM quotas qu
     WHERE qu.id IN (SELECT quota_id FROM quota_ticket_types WHERE ticket_type_id = ANY(p_type_ids))
     ORDER BY qu.id
  LOOP
    IF q.asked > q.capacity - q.taken THEN
      RETURN jsonb_build_object('ok', false, 'code', CASE WHEN q.capacity - q.taken <= 0 THEN 'sold_out' ELSE 'not_enough' END,
                                'ticketTypeId', q.first_type, 'name', q.name, 'remaining', greatest(q.capacity - q.taken, 0));
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
