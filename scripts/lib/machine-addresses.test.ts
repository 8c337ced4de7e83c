import { describe, expect, it } from "vitest";
// @ts-expect-error next.config.mjs is plain JavaScript, without types
import nextConfig from "../../next.config.mjs";
import { machineHostnames, machineUrls } from "./machine-addresses.mjs";

describe("the dev server's addresses", () => {
  it("are loopback, the machine's name, its LAN addresses (not link-local IPv6) and APP_URL's host", () => {
    const hosts = machineHostnames({
      hostname: "Studio",
      interfaces: {
        lo: [{ address: "127.0.0.1", family: "IPv4", internal: true, netmask: "255.0.0.0", mac: "00:00:00:00:00:00", cidr: null }],
        eth0: [
          { address: "192.168.1.20", family: "IPv4", internal: false, netmask: "255.255.255.0", mac: "aa:bb:cc:dd:ee:ff", cidr: null },
          { address: "FD00::2", family: "IPv6", internal: false, netmask: "ffff::", mac: "aa:bb:cc:dd:ee:ff", cidr: null, scopeid: 0 },
          { address: "fe80::1", family: "IPv6", internal: false, netmask: "ffff::", mac: "aa:bb:cc:dd:ee:ff", cidr: null, scopeid: 2 },
        ],
      },
      appUrl: "https://tickets.example.test",
    });
    expect(hosts).toEqual(["localhost", "127.0.0.1", "[::1]", "studio", "192.168.1.20", "[fd00::2]", "tickets.example.test"]);
    expect(machineUrls(3000, { hostname: "studio", interfaces: {}, appUrl: undefined })).toEqual(["http://localhost:3000", "http://127.0.0.1:3000", "http://[::1]:3000", "http://studio:3000"]);
  });

  it("are every one allowed by Next's dev server (allowedDevOrigins), as `npm run dev` prints them", () => {
    const allowed = (nextConfig as { allowedDevOrigins?: string[] }).allowedDevOrigins ?? [];
    for (const url of machineUrls(3000)) expect(allowed, url).toContain(new URL(url).hostname);
    expect(allowed).toContain("127.0.0.1");
  });
});
