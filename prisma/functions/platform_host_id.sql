-- The platform's own host, "Local Tickets" (made by migration 20261214000000_hosts): the
-- default host of an event, venue or voucher written without one (tools, tests, older
-- scripts). The dashboard always names the host it writes for (docs/decisions/0019).
CREATE OR REPLACE FUNCTION "platform_host_id"() RETURNS uuid
  LANGUAGE sql STABLE AS $$
  SELECT "id" FROM "hosts" WHERE "slug" = 'local-tickets'
$$;
