CREATE OR REPLACE FUNCTION "order_job_payload"(p_order uuid, p_request_id text) RETURNS jsonb
  LANGUAGE sql IMMUTABLE AS $$ SELECT jsonb_build_object('orderId', p_order::text, 'requestId', p_request_id) $$;
