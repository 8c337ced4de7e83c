// The outbox holds every buyer's email and everyone's sign-in links. On a site where it is not
// open (production without Resend: a demo), only the platform admin may read it or bounce an
// email in it; a host's owner or manager, who may use the dashboard, may not (a hole found
// after issue 30 let the dashboard's gate, not the outbox's, guard these pages).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/users";
import { resetEnvCacheForTests } from "@/lib/env";
import { createHost, createMember } from "@/tests/host-fixtures";
import { createTestUser } from "@/tests/fixtures";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth", () => ({ currentUser: async () => session.user }));

const { requireOutboxViewer } = await import("./outbox-access");
const { bounceOutboxEmail } = await import("@/app/[locale]/(store)/dev/outbox/[id]/actions");

// A demo site: production, local test payments, no Resend (the outbox takes the email).
const DEMO_SITE: Record<string, string | undefined> = {
  NODE_ENV: "production", UNSAFE_TEST_PAYMENTS: "true", RESEND_API_KEY: undefined,
  AUTH_SECRET: "a".repeat(32), JOBS_SECRET: "j".repeat(32), TICKET_SIGNING_KEY: "k".repeat(43),
};
const env = process.env as Record<string, string | undefined>;
const saved = Object.fromEntries(Object.keys(DEMO_SITE).map((name) => [name, env[name]]));
function apply(values: Record<string, string | undefined>) {
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  resetEnvCacheForTests();
}
beforeAll(() => apply(DEMO_SITE));
afterAll(() => apply(saved));

const asUser = (user: { id: string; email: string; name: string; role: "admin" | "attendee" }) => ({ id: user.id, email: user.email, name: user.name, role: user.role, emailVerified: true }) as SessionUser;

describe("the outbox on a site where it is not open", () => {
  it("is the platform admin's only: a host's owner, a buyer and nobody get not found", async () => {
    const host = await createHost();
    const owner = await createMember(host.id, "owner");
    const buyer = await createTestUser();
    const admin = await createTestUser({ role: "admin" });
    for (const user of [null, asUser(buyer), { ...asUser({ ...buyer, id: owner.id }), memberships: [{ hostId: host.id, role: "owner" as const }] }]) {
      session.user = user;
      await expect(requireOutboxViewer()).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
      await expect(bounceOutboxEmail(crypto.randomUUID())).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    }
    session.user = asUser(admin);
    await expect(requireOutboxViewer()).resolves.toBeUndefined();
  });
});
