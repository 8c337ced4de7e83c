import { mkdtempSync, readdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { assertValidBlobKey, createFileSystemBlobStore, InvalidBlobKeyError } from "./blob-store";

const parent = mkdtempSync(path.join(tmpdir(), "blob-store-"));
const root = path.join(parent, "store");
const store = createFileSystemBlobStore(root);

afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("filesystem blob store", () => {
  it("stores, replaces and reads back bytes; a missing key is null", async () => {
    await store.put("tickets/a.pdf", Buffer.from("first"), "application/pdf");
    expect((await store.get("tickets/a.pdf"))?.toString()).toBe("first");
    await store.put("tickets/a.pdf", Buffer.from("second"), "application/pdf");
    expect((await store.get("tickets/a.pdf"))?.toString()).toBe("second");
    expect(await store.get("tickets/missing.pdf")).toBeNull();
    // No temp files are left beside the blob.
    expect(readdirSync(path.join(root, "tickets"))).toEqual(["a.pdf"]);
  });

  it("writes concurrently to one key without mixing the bytes", async () => {
    const values = Array.from({ length: 20 }, (_, index) => Buffer.alloc(64 * 1024, String.fromCharCode(65 + index)));
    await Promise.all(values.map((bytes) => store.put("race/blob.bin", bytes, "application/octet-stream")));
    const stored = (await store.get("race/blob.bin"))!;
    expect(values.some((bytes) => bytes.equals(stored))).toBe(true);
    expect(readdirSync(path.join(root, "race"))).toEqual(["blob.bin"]);
  });

  it("refuses keys that could escape the store's folder", async () => {
    const bad = ["", "../escape", "a/../../escape", "/etc/passwd", "a//b", "a/./b", ".hidden", "a\\..\\b", "a/b\0", "a/ b"];
    for (const key of bad) {
      expect(() => assertValidBlobKey(key)).toThrow(InvalidBlobKeyError);
      await expect(store.put(key, Buffer.from("x"), "text/plain")).rejects.toThrow(InvalidBlobKeyError);
      await expect(store.get(key)).rejects.toThrow(InvalidBlobKeyError);
    }
    expect(existsSync(path.join(parent, "escape"))).toBe(false);
  });
});
