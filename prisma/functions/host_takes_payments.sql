-- May a host's events be sold (docs/decisions/0020)? The platform's own host always (it is the
-- platform: the money stays with it, as before Connect); any other once Stripe says its
-- connected account may take charges (account.updated → hosts.charges_enabled).
CREATE OR REPLACE FUNCTION "host_takes_payments"(p_host uuid) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM hosts h WHERE h.id = p_host AND (h.charges_enabled AND h.stripe_account_id IS NOT NULL OR h.slug = 'local-tickets'))
$$;
