import { withApiErrors } from "@/lib/http/with-api-errors";
import { jsonResponse } from "@/lib/http/json";
import { requireDoor } from "@/lib/check-in/api";
import { loadDoorList } from "@/lib/check-in/door-list";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** The door list a scanner keeps to work offline: the session's tickets, who is in, and the public key. */
export const GET = withApiErrors("check_in_door_list", async (request: Request, { params }: Context) => {
  const { id } = await params;
  const door = await requireDoor(request, id);
  if (!door.ok) return door.response;
  return jsonResponse(await loadDoorList(door.session));
});
