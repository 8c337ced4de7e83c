-- A job that is due now wakes the queue's drainers (lib/jobs/wake.ts LISTENs in every app
-- process): delivery starts the moment the order commits, whoever committed it, without any
-- caller having to remember to kick the queue. NOTIFY is sent on commit (never for a rolled
-- back job), and PostgreSQL folds identical notifications of one transaction into one.
-- A job due later (a retry's backoff, a scheduled expiry) is found by the worker's timer.
CREATE OR REPLACE FUNCTION "jobs_notify_due"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('jobs_due', '');
  RETURN NULL;
END $$;
