-- What became of each email after the provider took it (issue 29.4: "delivery is visible per
-- message: sent, bounced, pending"). A row per email the app handed over, keyed like the send
-- itself (its idempotency key: a retried send is the same email), found again by the
-- provider's id when Resend's signed webhook says it was delivered, bounced or complained of.

-- A recipient of an attendee message or a reminder whose email came back.
ALTER TYPE "delivery_status" ADD VALUE IF NOT EXISTS 'bounced';

CREATE TYPE "email_delivery_state" AS ENUM ('sent', 'delayed', 'delivered', 'bounced', 'complained', 'failed');

CREATE TABLE "email_deliveries" (
    "idempotency_key" TEXT NOT NULL,
    -- 'resend', or 'outbox' for the development outbox (whose emails can be bounced by hand).
    "provider" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "to_address" TEXT NOT NULL,
    "state" "email_delivery_state" NOT NULL DEFAULT 'sent',
    -- The receiving server's words for a bounce or failure.
    "detail" TEXT,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "email_deliveries_pkey" PRIMARY KEY ("idempotency_key"),
    CONSTRAINT "email_deliveries_provider_known" CHECK ("provider" IN ('resend', 'outbox'))
);
CREATE UNIQUE INDEX "email_deliveries_provider_id_key" ON "email_deliveries" ("provider", "provider_id");
