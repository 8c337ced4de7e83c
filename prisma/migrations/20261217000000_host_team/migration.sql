-- A host runs its own team and page (issue 30; docs/decisions/0022): invitations to join a
-- host, and the open-data feeds following a host's rename as they follow a venue's.

-- An invitation (pretix's team invites): the address asked, the role it gives, who asked, and
-- the SHA-256 of its link's token (the token is derived from the id and a secret key, so every
-- retry of the email job carries the same link and no token is stored). Used once: accepted,
-- or withdrawn; past `expires_at` it opens nothing. One open invitation per host and address.
CREATE TABLE "host_invitations" (
    "id" UUID NOT NULL,
    "host_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "host_role" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "invited_by" UUID,
    "invited_by_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "accepted_by" UUID,
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "host_invitations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "host_invitations_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "hosts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "host_invitations_invited_by_fkey" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "host_invitations_accepted_by_fkey" FOREIGN KEY ("accepted_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "host_invitations_email_format" CHECK ("email" = lower("email") AND char_length("email") BETWEEN 3 AND 254 AND position('@' in "email") > 1),
    CONSTRAINT "host_invitations_lifetime" CHECK ("expires_at" > "created_at"),
    CONSTRAINT "host_invitations_one_end" CHECK ("accepted_at" IS NULL OR "revoked_at" IS NULL)
);
CREATE UNIQUE INDEX "host_invitations_token_hash_key" ON "host_invitations"("token_hash");
CREATE UNIQUE INDEX "host_invitations_open_key" ON "host_invitations"("host_id", "email") WHERE "accepted_at" IS NULL AND "revoked_at" IS NULL;

-- The SessionSeries and FacilityUse feeds name the host (its name, its page by slug) as
-- organizer/provider: a rename republishes each of its events' items, whatever path wrote it.
-- A first body here; prisma/functions/feed_host_changed.sql carries the real one (0010).
CREATE OR REPLACE FUNCTION "feed_host_changed"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE CONSTRAINT TRIGGER "hosts_publish_feeds"
  AFTER UPDATE ON "hosts" DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW
  WHEN ((OLD."name", OLD."slug") IS DISTINCT FROM (NEW."name", NEW."slug"))
  EXECUTE FUNCTION "feed_host_changed"();
