import { withApiErrors } from "@/lib/http/with-api-errors";
import { problemResponse } from "@/lib/http/problem";
import { getBlob } from "@/lib/storage/blob-store";

// Event images uploaded in the admin (lib/admin/events/store-event-image.ts). Keys are random
// and never reused, so a stored image never changes: cache it for a year.
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
  } catch {
    return notFound();
  }
  if (!bytes) return notFound();
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": type,
      "content-length": String(bytes.byteLength),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
    },
  });
});
