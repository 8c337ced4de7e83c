import { rmSync } from "node:fs";
import { afterAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { getBlob } from "@/lib/storage/blob-store";
import { createEvent } from "./create-event";
import { createActor, eventInput } from "@/tests/admin-fixtures";

// Images go to a folder of this test, never the dev store (env() is read lazily).
// (vi.hoisted runs before the imports, so only globals are at hand here.)
const storageDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/admin-images-${process.pid}-${Date.now()}`;
  process.env.STORAGE_DIR = dir;
  return dir;
});
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

async function png(width: number, height: number): Promise<Buffer> {
  const sharp = (await import("sharp")).default;
  return sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 20 } } }).png().toBuffer();
}

const upload = (bytes: Uint8Array, contentType = "image/png") => ({ bytes, contentType, size: bytes.byteLength });

describe("event images", () => {
  it("resizes an upload to WebP, stores it and points the event at the image route", async () => {
    const admin = await createActor();
    const { input } = await eventInput({ imagePath: "" });
    const saved = await createEvent({ actor: admin, input, image: upload(await png(2400, 1600)) });
    const event = await prisma.event.findUniqueOrThrow({ where: { id: saved.id } });
    expect(event.imagePath).toMatch(/^\/api\/images\/events\/[0-9a-f]{64}\.webp$/);
    const stored = await getBlob(event.imagePath.replace("/api/images/", ""));
    const sharp = (await import("sharp")).default;
    expect(await sharp(stored!).metadata()).toMatchObject({ format: "webp", width: 1600, height: 1067 });
  });

  it("refuses what is not an acceptable image, next to the image field, storing nothing", async () => {
    const admin = await createActor();
    const cases: [ReturnType<typeof upload>, RegExp][] = [
      [upload(new TextEncoder().encode("not really a picture")), /not an image we can read/],
      [upload(await png(800, 600), "image/gif"), /JPEG, PNG, WebP or AVIF/],
      [upload(await png(100, 80)), /at least 320×200/],
      [{ bytes: new Uint8Array(16), contentType: "image/png", size: 6 * 1024 * 1024 }, /at most 5 MB/],
    ];
    for (const [image, message] of cases) {
      const { input } = await eventInput({ imagePath: "" });
      const error = await createEvent({ actor: admin, input, image }).catch((e) => e);
      expect(error.code).toBe("validation_failed");
      expect(error.fieldErrors.image).toMatch(message);
      expect(await prisma.event.count({ where: { slug: input.slug as string } })).toBe(0);
    }
  });
});
