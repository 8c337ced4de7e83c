-- Development outbox: where email goes when no RESEND_API_KEY is set, so the whole
-- delivery path runs offline and can be read at /dev/outbox. Attachment bytes live in
-- the blob store; this table keeps their filename, content type, size and blob key.
-- A repeated idempotency key never creates a second row (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE "email_outbox" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "to_address" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "attachments" JSONB NOT NULL DEFAULT '[]',
    "idempotency_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "email_outbox_attachments_array" CHECK (jsonb_typeof("attachments") = 'array')
);

CREATE UNIQUE INDEX "email_outbox_idempotency_key_key" ON "email_outbox"("idempotency_key");
CREATE INDEX "email_outbox_created_at_idx" ON "email_outbox"("created_at");
