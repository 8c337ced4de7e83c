-- An order belongs to an email (issue 27): the buyer's email and name are kept on the order,
-- so the delivery, the tickets' holder, the per-buyer hold limit and a retry's request key go
-- by the buyer, whoever they are; an account becomes optional (guest checkout builds on it).
ALTER TABLE "orders" ADD COLUMN "buyer_email" text, ADD COLUMN "buyer_name" text;
UPDATE "orders" o SET "buyer_email" = lower(u."email"), "buyer_name" = u."name" FROM "users" u WHERE u."id" = o."user_id";
ALTER TABLE "orders" ALTER COLUMN "buyer_email" SET NOT NULL, ALTER COLUMN "buyer_name" SET NOT NULL;
ALTER TABLE "orders" ADD CONSTRAINT "orders_buyer_email_lower" CHECK ("buyer_email" = lower("buyer_email"));
CREATE INDEX "orders_buyer_email_status_idx" ON "orders"("buyer_email", "status");

-- A request's key is the buyer's, whoever the buyer is.
DROP INDEX "orders_user_request_key_key";
CREATE UNIQUE INDEX "orders_buyer_request_key_key" ON "orders"("buyer_email", "request_key") WHERE "request_key" IS NOT NULL;

-- Private links to an order (its page, its tickets) for whoever holds them, without an account:
-- only the SHA-256 of each token is kept; a link can be revoked and a new one issued.
CREATE TABLE "order_access_tokens" (
  "id"         uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  "order_id"   uuid        NOT NULL REFERENCES "orders"("id") ON DELETE CASCADE,
  "token_hash" text        NOT NULL UNIQUE,
  "created_at" timestamptz(3) NOT NULL DEFAULT now(),
  "revoked_at" timestamptz(3)
);
CREATE INDEX "order_access_tokens_order_id_idx" ON "order_access_tokens"("order_id");
