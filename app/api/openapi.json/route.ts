import { withApiErrors } from "@/lib/http/with-api-errors";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { appUrl } from "@/lib/urls";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of every route under /api, generated from the routes' zod schemas. */
export const GET = withApiErrors("openapi", (request: Request) =>
  Response.json(buildOpenApiDocument({ serverUrl: appUrl(request) }), {
    headers: { "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
  }),
);
