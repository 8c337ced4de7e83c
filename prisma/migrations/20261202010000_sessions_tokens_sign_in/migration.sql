-- Safe to deploy (issue 16): sessions that end at once, API tokens that expire and can be
-- read-only, and sign-in throttling that counts failures only.

-- Every session (a JWT cookie) carries the session version it was made with; lib/auth checks
-- it against this column wherever access is decided. Signing out bumps it (every session of
-- the user ends, copies of the cookie included), so does setting a new password (the app
-- does it in the same UPDATE), and so does any change of role, by trigger, so even a role
-- changed in SQL by an operator takes effect on the next request. (Not every password_hash
-- change: upgrading a hash to today's cost on sign-in must not sign the user out elsewhere.)
ALTER TABLE "users" ADD COLUMN "session_version" INTEGER NOT NULL DEFAULT 0;

CREATE FUNCTION "users_bump_session_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."role" IS DISTINCT FROM OLD."role" THEN
    NEW."session_version" := OLD."session_version" + 1;
  END IF;
  RETURN NEW;
END $$;

CREATE TRIGGER "users_bump_session_version"
  BEFORE UPDATE OF "role" ON "users"
  FOR EACH ROW EXECUTE FUNCTION "users_bump_session_version"();

-- API tokens: an expiry (existing tokens get 90 days from now) and a scope. `read` tokens
-- may only read; `write` tokens may also buy and pay.
CREATE TYPE "api_token_scope" AS ENUM ('read', 'write');
ALTER TABLE "api_tokens"
  ADD COLUMN "scope" "api_token_scope" NOT NULL DEFAULT 'write',
  ADD COLUMN "expires_at" TIMESTAMPTZ(3) NOT NULL DEFAULT (CURRENT_TIMESTAMP + interval '90 days');
-- New tokens always state their expiry (lib/api/tokens.ts); the default was for the backfill.
ALTER TABLE "api_tokens" ALTER COLUMN "expires_at" DROP DEFAULT;

-- Failed sign-ins, per key: `email:<email>`, `address:<ip>`, `email-source:<email>|<source>`.
-- Only failures are counted (a right password never adds to a count); the wait before the
-- next attempt grows with the count (lib/auth/sign-in-throttle.ts). A count older than a day
-- starts again from one.
CREATE TABLE "sign_in_failures" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "last_failure_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sign_in_failures_pkey" PRIMARY KEY ("key"),
    CONSTRAINT "sign_in_failures_positive" CHECK ("failures" > 0)
);
CREATE INDEX "sign_in_failures_last_failure_at_idx" ON "sign_in_failures"("last_failure_at");

-- Where a user signed in successfully before: `device:<sha256 of the device cookie>` or
-- `address:<ip>`. From a known source the right password is never refused for more than a
-- short delay, however many failures strangers caused for that email.
CREATE TABLE "sign_in_known_sources" (
    "user_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "last_success_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sign_in_known_sources_pkey" PRIMARY KEY ("user_id", "source")
);
ALTER TABLE "sign_in_known_sources" ADD CONSTRAINT "sign_in_known_sources_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
