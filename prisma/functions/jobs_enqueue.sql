-- The queue's one way in (lib/jobs): a job commits with the change that needs it, or not at
-- all (a transactional outbox). The unique key makes enqueueing twice harmless.
CREATE OR REPLACE FUNCTION "jobs_enqueue"(p_kind text, p_payload jsonb, p_unique_key text, p_run_at timestamptz DEFAULT now()) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO jobs (kind, payload, unique_key, run_at) VALUES (p_kind, p_payload, p_unique_key, p_run_at)
  ON CONFLICT (unique_key) DO NOTHING
$$;
