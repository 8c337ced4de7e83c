-- Getting back in (issue 27, item 2): password reset, sign-in by an emailed link, and
-- verified emails.

-- When the owner of the address proved they read its mail (a verification, sign-in or reset
-- link used). Orders bought as a guest with the address join the account's tickets only
-- once it is set. Accounts made before this are not assumed verified.
ALTER TABLE "users" ADD COLUMN "email_verified_at" TIMESTAMPTZ(3);

-- An account made by its first emailed sign-in link has no password until its owner sets one
-- through a reset; a null hash never matches (lib/auth/users.ts compares against a dummy).
ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL;

-- Single-use links sent by email. Only the SHA-256 of the token is kept (the token itself, 256
-- random bits, exists only in the email), so a copy of this table opens nothing. A used link
-- keeps its row (used_at) so that a second use can be told "already used" rather than
-- "unknown"; rows are deleted a day after they expire.
CREATE TYPE "email_token_purpose" AS ENUM ('password_reset', 'sign_in', 'verify_email');

CREATE TABLE "email_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "token_hash" TEXT NOT NULL,
    "purpose" "email_token_purpose" NOT NULL,
    "email" TEXT NOT NULL,
    -- Null for a sign-in link to an address that has no account yet: using it makes one.
    "user_id" UUID,
    -- Where to go once the link is used (a same-origin path).
    "return_to" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),
    CONSTRAINT "email_tokens_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "email_tokens_token_hash_shape" CHECK ("token_hash" ~ '^[0-9a-f]{64}$'),
    -- No link of any kind lives longer than 30 minutes, whatever the code asks.
    CONSTRAINT "email_tokens_lifetime" CHECK ("expires_at" > "created_at" AND "expires_at" <= "created_at" + interval '30 minutes'),
    CONSTRAINT "email_tokens_owner" CHECK ("user_id" IS NOT NULL OR "purpose" = 'sign_in')
);
CREATE UNIQUE INDEX "email_tokens_token_hash_key" ON "email_tokens"("token_hash");
CREATE INDEX "email_tokens_user_id_purpose_idx" ON "email_tokens"("user_id", "purpose");
CREATE INDEX "email_tokens_expires_at_idx" ON "email_tokens"("expires_at");
ALTER TABLE "email_tokens" ADD CONSTRAINT "email_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
