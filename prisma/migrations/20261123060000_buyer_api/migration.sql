-- The buyer's JSON API (lib/api): personal API tokens and idempotency keys.

-- A personal API token, sent as `Authorization: Bearer lt_…`. Only the SHA-256 of the secret
-- is stored: the secret is shown once, at creation, and a database leak reveals no token.
-- Revoking keeps the row (revoked_at set) so the account page can show what was revoked.
CREATE TABLE "api_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    -- The last four characters of the secret, so a person can tell tokens apart.
    "token_hint" TEXT NOT NULL,
    "last_used_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "api_tokens_name_length" CHECK (char_length("name") BETWEEN 1 AND 100),
    CONSTRAINT "api_tokens_hash_format" CHECK ("token_hash" ~ '^[0-9a-f]{64}$')
);

CREATE UNIQUE INDEX "api_tokens_token_hash_key" ON "api_tokens"("token_hash");
CREATE INDEX "api_tokens_user_id_created_at_idx" ON "api_tokens"("user_id", "created_at");

ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- `Idempotency-Key` of POST requests, per user, kept 24 hours. The row is inserted (ON
-- CONFLICT) in its own statement BEFORE the work starts, so of two racing requests with the
-- same key exactly one does the work; response_status stays NULL while it is in flight and
-- then holds the first answer, which every repeat gets back.
CREATE TABLE "idempotency_keys" (
    "user_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    -- SHA-256 of method, path and canonical JSON body: the same key with another request is refused.
    "request_hash" TEXT NOT NULL,
    "response_status" INTEGER,
    "response_body" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("user_id", "key"),
    CONSTRAINT "idempotency_keys_key_length" CHECK (char_length("key") BETWEEN 1 AND 255),
    CONSTRAINT "idempotency_keys_response_complete" CHECK (("response_status" IS NULL) = ("response_body" IS NULL))
);

CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");

ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
