import "server-only";
import { getTranslations } from "next-intl/server";
import type { ParseEventFiltersResult } from "@/lib/catalog/filters";

/** A refused filter, said in the reader's language: the range problems by name, anything else (a hand-edited URL) in general. */
export async function filterProblem(result: Extract<ParseEventFiltersResult, { ok: false }>): Promise<string> {
  const t = await getTranslations("filterErrors");
  switch (result.reason) {
    case "fromMissing":
      return t("fromMissing");
    case "toMissing":
      return t("toMissing");
    case "toBeforeFrom":
      return t("toBeforeFrom");
    case "rangeTooLong":
      return t("rangeTooLong");
    default:
      return t("invalid", { parameter: result.parameter });
  }
}
