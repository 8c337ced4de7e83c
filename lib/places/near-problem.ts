import "server-only";
import { getTranslations } from "next-intl/server";
import type { NearProblemReason } from "./near-filter";

/** A refused near parameter, said in the reader's language. */
export async function nearProblem(reason: NearProblemReason): Promise<string> {
  const t = await getTranslations("nearErrors");
  return t(reason);
}
