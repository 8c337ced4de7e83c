-- Guest checkout (issue 27): an order needs an email and a name, not an account. Orders of a
-- guest have no user; they open with their private links (order_access_tokens).
ALTER TABLE "orders" ALTER COLUMN "user_id" DROP NOT NULL;
