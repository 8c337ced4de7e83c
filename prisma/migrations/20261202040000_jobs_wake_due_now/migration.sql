-- jobs.run_at keeps milliseconds (TIMESTAMPTZ(3)): a job queued for now() is stored rounded,
-- up half the time, and then `run_at <= now()` was false and no drainer was woken (delivery
-- waited for the worker's timer). "Due now" means due within the next second: the drain it
-- wakes starts later than that rounding, and claims with `run_at <= now()` of its own.
DROP TRIGGER "jobs_notify_due_insert" ON "jobs";
DROP TRIGGER "jobs_notify_due_update" ON "jobs";

CREATE TRIGGER "jobs_notify_due_insert"
  AFTER INSERT ON "jobs"
  FOR EACH ROW WHEN (NEW."status" = 'queued' AND NEW."run_at" <= now() + interval '1 second')
  EXECUTE FUNCTION "jobs_notify_due"();

CREATE TRIGGER "jobs_notify_due_update"
  AFTER UPDATE OF "status", "run_at" ON "jobs"
  FOR EACH ROW WHEN (NEW."status" = 'queued' AND NEW."run_at" <= now() + interval '1 second'
                     AND (OLD."status" <> 'queued' OR OLD."run_at" > now() + interval '1 second'))
  EXECUTE FUNCTION "jobs_notify_due"();
