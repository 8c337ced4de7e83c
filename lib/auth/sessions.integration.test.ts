// Sessions end at once (issue 16, item 9), the first admin is made by a command (item 2),
// and Auth.js logs through the app's redacting logger (item 14).
import { CredentialsSignin } from "@auth/core/errors";
import { randomUUID } from "node:crypto";
import bcrypt from "bcryptjs";
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { setLogSink } from "@/lib/log";
import { authLogger } from "./config";
import { createAdmin } from "./create-admin";
import { verifyPassword } from "./password";
import { authenticate, endSessions, findSessionUser } from "./users";

const email = () => `user-${randomUUID().slice(0, 8)}@example.test`;

describe("session versions", () => {
  it("sign-out ends every session of the user at once, copies of the cookie included", async () => {
    const address = email();
    await createAdmin(prisma, { email: address, password: "a long admin password" });
    const signedIn = await authenticate(address, "a long admin password");
    expect(signedIn).toMatchObject({ role: "admin", sessionVersion: expect.any(Number) });
    expect(await findSessionUser(signedIn!.id, signedIn!.sessionVersion)).toMatchObject({ id: signedIn!.id, role: "admin" });

    await endSessions(signedIn!.id);
    expect(await findSessionUser(signedIn!.id, signedIn!.sessionVersion)).toBeNull();
    // Signing in again makes a session that works.
    const again = await authenticate(address, "a long admin password");
    expect(await findSessionUser(again!.id, again!.sessionVersion)).not.toBeNull();
  });

  it("a role change, even one made in SQL, ends the sessions made with the old role", async () => {
    const address = email();
    const { id } = await createAdmin(prisma, { email: address, password: "a long admin password" });
    const session = await authenticate(address, "a long admin password");
    await prisma.$executeRaw`UPDATE users SET role = 'attendee' WHERE id = ${id}::uuid`;
    expect(await findSessionUser(id, session!.sessionVersion)).toBeNull();
    // Other updates (a name) leave sessions alone.
    const fresh = await authenticate(address, "a long admin password");
    await prisma.user.update({ where: { id }, data: { name: "Renamed" } });
    expect(await findSessionUser(id, fresh!.sessionVersion)).toMatchObject({ role: "attendee", name: "Renamed" });
  });

  it("upgrading an old cost-10 hash on sign-in keeps the user's other sessions", async () => {
    const user = await prisma.user.create({
      data: { email: email(), name: "Old", passwordHash: await bcrypt.hash("an old password", 10) },
    });
    const signedIn = await authenticate(user.email, "an old password");
    expect(signedIn?.sessionVersion).toBe(user.sessionVersion);
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(bcrypt.getRounds(after.passwordHash!)).toBe(12);
    expect(after.sessionVersion).toBe(user.sessionVersion);
  });
});

describe("createAdmin", () => {
  it("creates an admin, or promotes an existing user with a new password and ends their sessions", async () => {
    const address = email();
    expect(await createAdmin(prisma, { email: address.toUpperCase(), password: "first admin password" })).toMatchObject({ created: true });
    const stored = await prisma.user.findUniqueOrThrow({ where: { email: address } });
    expect(stored.role).toBe("admin");
    expect(stored.passwordHash).toMatch(/^\$2[aby]\$12\$/);

    const attendee = await prisma.user.create({ data: { email: email(), name: "Later admin", passwordHash: stored.passwordHash } });
    const result = await createAdmin(prisma, { email: attendee.email, password: "second admin password" });
    expect(result).toEqual({ created: false, id: attendee.id });
    const promoted = await prisma.user.findUniqueOrThrow({ where: { id: attendee.id } });
    expect(promoted.role).toBe("admin");
    expect(promoted.sessionVersion).toBeGreaterThan(attendee.sessionVersion);
    expect(await verifyPassword("second admin password", promoted.passwordHash!)).toBe(true);
  });

  it("refuses a short or over-long admin password", async () => {
    await expect(createAdmin(prisma, { email: email(), password: "short" })).rejects.toThrow(/12 characters/);
    await expect(createAdmin(prisma, { email: email(), password: "€".repeat(25) })).rejects.toThrow(/72 bytes/);
  });
});

describe("Auth.js logging", () => {
  const lines: string[] = [];
  afterEach(() => {
    setLogSink(null);
    lines.length = 0;
  });

  it("goes through the app's logger: JSON lines, secrets scrubbed, a wrong password not an error", () => {
    setLogSink({ write: (line: string) => lines.push(line) });
    authLogger.error!(new Error("token check failed for Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcdefgh"));
    authLogger.error!(new CredentialsSignin());
    expect(lines).toHaveLength(2);
    const [failure, refused] = lines.map((line) => JSON.parse(line));
    expect(failure).toMatchObject({ level: "error", module: "auth", msg: "auth error" });
    expect(JSON.stringify(failure)).not.toContain("eyJzdWIiOiIxIn0");
    expect(refused).toMatchObject({ level: "info", module: "auth", msg: "sign-in refused", code: "credentials" });
  });
});
