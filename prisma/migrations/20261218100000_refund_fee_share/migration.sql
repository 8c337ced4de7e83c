-- The platform's fee a refund gives back is fixed when the refund is owed (docs/decisions/0020),
-- by the one rounding rule over the refunds owed before it (fee_refund_minor), and told to Stripe
-- as it is (an explicit application fee refund), so the ledger and Stripe agree to the cent
-- without depending on Stripe's unpublished rounding of a proportional fee refund.
ALTER TABLE "refunds" ADD COLUMN "platform_fee_refund_minor" integer NOT NULL DEFAULT 0 CHECK ("platform_fee_refund_minor" >= 0);

-- Refunds booked already keep the ledger's figure; those still owed take the rule in the order
-- they were owed.
UPDATE "refunds" r SET "platform_fee_refund_minor" = l."amount_minor"
  FROM "ledger_entries" l WHERE l."refund_id" = r."id" AND l."kind" = 'fee_refund';
WITH owed AS (
  SELECT r."id", o."platform_fee_minor" AS fee, o."total_minor" AS total, r."amount_minor" AS amount,
         coalesce(sum(r."amount_minor") OVER (PARTITION BY r."order_id" ORDER BY r."created_at", r."id" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
    FROM "refunds" r JOIN "orders" o ON o."id" = r."order_id"
   WHERE o."payout_account" IS NOT NULL AND coalesce(o."platform_fee_minor", 0) > 0
)
-- fee_refund_minor's rule written out (functions are applied after the migrations, ADR 0010).
UPDATE "refunds" r SET "platform_fee_refund_minor" =
       ((2 * owed.fee::bigint * (owed.before + owed.amount) + owed.total) / (2 * owed.total::bigint)
        - (2 * owed.fee::bigint * owed.before + owed.total) / (2 * owed.total::bigint))::int
  FROM owed WHERE owed."id" = r."id" AND r."status" = 'pending' AND owed.total > 0;
