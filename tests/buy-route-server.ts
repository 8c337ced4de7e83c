// A real HTTP server in front of the buying route handler, as Next is: the process-edge
// gates (lib/ops/purchase-gate.ts) sit between the socket and the handler.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { POST as buy } from "@/app/api/events/[id]/buy/route";
import { routeParams } from "./api-fixtures";

export async function startBuyServer(): Promise<{ origin: string; port: number; close: () => Promise<void> }> {
  let origin = "";
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const eventId = request.url!.split("/")[3];
    const headers = new Headers(Object.entries(request.headers).flatMap(([name, value]) => (typeof value === "string" ? [[name, value]] : [])) as [string, string][]);
    const answer = await buy(new Request(`${origin}${request.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }), routeParams({ id: eventId }));
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
