-- The request that made an order: the JSON API's Idempotency-Key, or the checkout form's own
-- key. order_place answers a second request with the same key (a retry after a lost
-- connection, a form posted twice) with the order the first one made, so an unknown outcome
-- is resolved by asking again, never by buying twice (issue 34).
ALTER TABLE "orders" ADD COLUMN "request_key" text;
CREATE UNIQUE INDEX "orders_user_request_key_key" ON "orders"("user_id", "request_key") WHERE "request_key" IS NOT NULL;
