-- A ticket's short code (issue 33): 10 characters a person reads off the page and types at the
-- door, from an alphabet without look-alikes (no 0/O, 1/I/L, U): 30^10, about 5.9e14 codes.
-- lib/tickets/short-code.ts spells the same alphabet. Drawn from 56 random bits of a v4
-- UUID; a code already taken is drawn again (the unique index is the final word).
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
