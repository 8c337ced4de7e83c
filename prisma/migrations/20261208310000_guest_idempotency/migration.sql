-- A guest's API purchases are idempotent too (issue 27): their keys are kept under a UUID named
-- by the buyer's email (lib/api/idempotency.ts guestIdempotencyOwner), which is no account's
-- id. Keys live 24 hours and are pruned; a deleted account's go with the next prune.
ALTER TABLE "idempotency_keys" DROP CONSTRAINT "idempotency_keys_user_id_fkey";
