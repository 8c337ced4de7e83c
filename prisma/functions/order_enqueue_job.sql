-- Queues a job about one order (delivery, refund) inside the transition that needs it (the
-- transactional outbox). Its unique key is "<kind>:<order id>", as lib/jobs/kinds.ts `jobKey`
-- spells it, so a transition that runs twice queues the job once.
CREATE OR REPLACE FUNCTION "order_enqueue_job"(p_kind text, p_order uuid, p_request_id text) RETURNS void
  LANGUAGE sql AS $$
  SELECT jobs_enqueue(p_kind, order_job_payload(p_order, p_request_id), p_kind || ':' || p_order)
$$;
