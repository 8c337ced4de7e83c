import type { Metadata } from "next";
import { currentUser } from "@/lib/auth";
import { actorOf, canAdminister } from "@/lib/auth/policy";

/**
 * An admin page's metadata. Anyone else is shown the 404 page (requireAdminActor), and its
 * tab must say so too, not name the admin page it refused ("Dashboard").
 */
export function adminTitle(title: string): () => Promise<Metadata> {
  return async () => {
    const user = await currentUser();
    return canAdminister(actorOf(user)) ? { title } : { title: { absolute: "Page not found · Local Tickets" } };
  };
}
