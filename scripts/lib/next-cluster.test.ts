// `npm start`'s cluster replaces an app process that dies: started here with a tiny server
// in place of Next's (tests/fake-next-server.mjs), so no production build is needed.
import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

let primary: ChildProcess | undefined;
afterEach(async () => {
  if (!primary || primary.exitCode !== null || primary.signalCode !== null) return;
  const exited = new Promise((resolve) => primary!.once("exit", resolve));
  primary.kill("SIGTERM");
  await exited;
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The pid of the process that answered, or null (refused, reset: a casualty of the kill). */
function ask(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const request = http.get({ host: "127.0.0.1", port, path: "/", agent: false, timeout: 2_000 }, (response) => {
      let body = "";
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve(Number(body) || null));
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(null));
  });
}

/** Asks again and again until `done(the pids that answered)` holds. */
async function askUntil(port: number, done: (seen: Set<number>) => boolean, timeoutMs = 20_000): Promise<Set<number>> {
  const seen = new Set<number>();
  for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
    const pid = await ask(port);
    if (pid) seen.add(pid);
    if (done(seen)) return seen;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out; answered by ${[...seen].join(", ") || "nobody"}`);
}

describe("the app cluster (scripts/lib/next-cluster.mjs)", () => {
  it("replaces a killed app process, and the new one serves", async () => {
    const port = await freePort();
    const output: string[] = [];
    primary = spawn(process.execPath, [path.resolve("scripts/lib/next-cluster.mjs"), "2", path.resolve("tests/fake-next-server.mjs"), "start", "--port", String(port)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    primary.stderr!.on("data", (chunk) => output.push(String(chunk)));

    const first = await askUntil(port, (seen) => seen.size === 2);
    const [victim, survivor] = [...first];
    process.kill(victim, "SIGKILL");

    // Served throughout by the survivor; then also by a new process in the victim's place.
    const after = await askUntil(port, (seen) => [...seen].some((pid) => pid !== survivor && pid !== victim) && seen.has(survivor));
    const replacement = [...after].find((pid) => pid !== survivor && pid !== victim)!;
    expect(() => process.kill(victim, 0)).toThrow();
    expect(output.join("")).toContain(`App process ${victim} exited (SIGKILL); starting another.`);
    // Both serve: nothing is left of the killed one.
    const later = await askUntil(port, (seen) => seen.has(replacement) && seen.has(survivor));
    expect(later.has(victim)).toBe(false);
  });
});
