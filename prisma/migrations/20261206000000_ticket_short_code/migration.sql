-- A short code per ticket that a person can read off the page and type at the door
-- (issue 33): 10 characters of an alphabet without look-alikes (no 0/O, 1/I/L, U), printed
-- under the QR. The QR keeps the signed code (docs/decisions/0008); the short code is only a
-- key into the tickets table, matched by the door online and against its synced door list
-- offline. Existing tickets get one here; new ones when order_confirm_payment issues them.
-- The generator's current source is prisma/functions/new_ticket_short_code.sql (0010): this
-- first version exists so that the backfill and the column default can call it.
CREATE OR REPLACE FUNCTION "new_ticket_short_code"() RETURNS text
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  v_alphabet constant text := '23456789ABCDEFGHJKMNPQRSTVWXYZ';
  v_code text;
  v_bits bigint;
BEGIN
  LOOP
    v_bits := ('x' || encode(substring(uuid_send(gen_random_uuid()) FROM 10 FOR 7), 'hex'))::bit(56)::bigint;
    v_code := '';
    FOR i IN 1..10 LOOP
      v_code := v_code || substr(v_alphabet, (v_bits % 30)::int + 1, 1);
      v_bits := v_bits / 30;
    END LOOP;
    EXIT WHEN NOT EXISTS (SELECT 1 FROM tickets WHERE short_code = v_code);
  END LOOP;
  RETURN v_code;
END $$;

ALTER TABLE "tickets" ADD COLUMN "short_code" text;
UPDATE "tickets" SET "short_code" = new_ticket_short_code();
ALTER TABLE "tickets" ALTER COLUMN "short_code" SET NOT NULL;
-- Rows written by other means than order_confirm_payment (benchmarks, tests) get one too.
ALTER TABLE "tickets" ALTER COLUMN "short_code" SET DEFAULT new_ticket_short_code();
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_short_code_format" CHECK ("short_code" ~ '^[2-9A-HJKMNP-TV-Z]{10}$');
CREATE UNIQUE INDEX "tickets_short_code_key" ON "tickets"("short_code");
