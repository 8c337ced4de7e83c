import "server-only";
import { prisma } from "@/lib/db";
import { queryResolvePlace, type ResolvedPlace } from "./resolve-place-sql";

export type { ResolvedPlace };

/** A typed place ("Gràcia", "lisboa", "Café Müller") as a point, from our own venues; null when unknown. */
export function resolvePlace(text: string): Promise<ResolvedPlace | null> {
  return queryResolvePlace(prisma, text);
}
