import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";

let client: Stripe | undefined;

/** The one Stripe client (STRIPE_API_BASE points it at the fake Stripe server in tests). */
export function stripeClient(): Stripe {
  const settings = env();
  if (!settings.STRIPE_SECRET_KEY) throw new Error("STRIPE_SECRET_KEY is not set");
  if (!client) {
    const base = settings.STRIPE_API_BASE ? new URL(settings.STRIPE_API_BASE) : undefined;
    client = new Stripe(settings.STRIPE_SECRET_KEY, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      telemetry: false,
      ...(base ? { host: base.hostname, port: base.port, protocol: base.protocol.replace(":", "") as "http" | "https" } : {}),
    });
  }
  return client;
}
