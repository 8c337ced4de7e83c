// Unauthenticated and admin bodies are read as streams with a byte cap (issue 16, item 5):
// a 20 MB chunked body is refused with 413 after the first chunks, never buffered whole.
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/users";
import { createTestUser } from "@/tests/fixtures";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth", () => ({ currentUser: async () => session.user }));

const { POST: stripeWebhook } = await import("@/app/api/payments/stripe/webhook/route");
const { adminJsonRoute } = await import("@/lib/admin/json-route");

function hugeChunkedRequest(url: string, chunks = 320) {
  const state = { pulled: 0 };
  const chunk = new TextEncoder().encode(`{"x":"${"a".repeat(64 * 1024 - 8)}"},`);
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= chunks) return controller.close();
      state.pulled++;
      controller.enqueue(chunk);
    },
  });
  const request = new Request(url, { method: "POST", body, headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=00" }, duplex: "half" } as RequestInit);
  return { request, state };
}

describe("body caps", () => {
  it("the Stripe webhook answers 413 to a 20 MB chunked body after reading at most its cap", async () => {
    const { request, state } = hugeChunkedRequest("http://localhost/api/payments/stripe/webhook");
    const started = Date.now();
    const response = await stripeWebhook(request);
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(state.pulled).toBeLessThanOrEqual(6); // 256 KiB cap, 64 KiB chunks
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("admin JSON routes answer 413 to an oversized body, and only after the admin check", async () => {
    const anonymous = hugeChunkedRequest("http://localhost/api/admin/events/create");
    expect((await adminJsonRoute("test", async () => new Response("ran"))(anonymous.request)).status).toBe(404);
    expect(anonymous.state.pulled).toBeLessThanOrEqual(1); // what the stream buffers on its own

    const admin = await createTestUser({ role: "admin" });
    session.user = { id: admin.id, email: admin.email, name: admin.name, role: "admin" };
    const { request, state } = hugeChunkedRequest("http://localhost/api/admin/events/create");
    const response = await adminJsonRoute("test", async () => new Response("ran"))(request);
    expect(response.status).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(6);
  });
});
