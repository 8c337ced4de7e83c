import { withApiErrors } from "@/lib/http/with-api-errors";
import { problemResponse } from "@/lib/http/problem";
import { cacheControlOf, InvalidBlobKeyError } from "@/lib/storage/blob-key";
import { getBlob } from "@/lib/storage/blob-store";

// Event images uploaded in the admin (lib/admin/events/store-event-image.ts), from the folder
// or the bucket (lib/storage). Keys are content-addressed, so a stored image never changes:
// browsers and a CDN in front keep it for a year (lib/storage/blob-key.ts, cacheControlOf).
const TYPES: Record<string, string> = { webp: "image/webp", png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", avif: "image/avif" };

const notFound = () => problemResponse("not_found", { detail: "No such image." });

type Context = { params: Promise<{ key: string[] }> };

export const GET = withApiErrors("event_image", async (_request: Request, { params }: Context) => {
  const { key } = await params;
  const path = key.join("/");
  const type = TYPES[path.split(".").pop()?.toLowerCase() ?? ""];
  // Only event images are served here (not ticket PDFs or anything else in the store).
  if (key[0] !== "events" || !type) return notFound();
  let bytes: Buffer | null;
  try {
    bytes = await getBlob(path);
  } catch (error) {
    // A bad key is a 404; a storage outage is not (it must not be cached as "no such image").
    if (error instanceof InvalidBlobKeyError) return notFound();
    throw error;
  }
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": type,
      "content-length": String(bytes.byteLength),
      "cache-control": cacheControlOf(path),
      "x-content-type-options": "nosniff",
    },
  });
});
