export const dynamic = "force-dynamic";

/** Liveness: the process is up and serving. Cheap, no database, no secrets. */
export function GET() {
  return Response.json({ status: "ok" });
}
