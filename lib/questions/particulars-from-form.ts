// The buy panels' holder and question fields (components/attendee-fields.tsx) read back from a
// posted form into what the quote checks (check-particulars.ts): `holders.<n>.name|email|
// ticketTypeId`, `holders.<n>.answers.<question>`, `answers.<question>`; a field posted several
// times (several choices) is a list. Anything else in the form is not ours and is left alone.
import { MAX_HOLDER_NAME, type HolderInput, type ParticularsInput } from "./check-particulars";

const HOLDER_FIELD = /^holders\.(\d{1,3})\.(name|email|ticketTypeId)$/;
const HOLDER_ANSWER = /^holders\.(\d{1,3})\.answers\.([A-Za-z0-9_-]{1,64})$/;
const ORDER_ANSWER = /^answers\.([A-Za-z0-9_-]{1,64})$/;
/** More places than any order may hold: a form naming more is refused by the check, not read. */
const MAX_PLACES = 1000;

export function particularsFromForm(formData: FormData): ParticularsInput {
  const holders: HolderInput[] = [];
  const answers: Record<string, unknown> = {};
  const holder = (index: number) => (holders[index] ??= {});
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).filter((value): value is string => typeof value === "string");
    const value = values.length > 1 ? values : values[0];
    let match = HOLDER_FIELD.exec(key);
    if (match && Number(match[1]) < MAX_PLACES) {
      const field = match[2] as "name" | "email" | "ticketTypeId";
      // One value each (the first, should a form post it twice).
      const first = values[0];
      holder(Number(match[1]))[field] = field === "name" && first !== undefined ? first.slice(0, MAX_HOLDER_NAME * 2) : first;
      continue;
    }
    match = HOLDER_ANSWER.exec(key);
    if (match && Number(match[1]) < MAX_PLACES) {
      const target = holder(Number(match[1]));
      target.answers = { ...(target.answers as Record<string, unknown> | undefined), [match[2]]: value };
      continue;
    }
    match = ORDER_ANSWER.exec(key);
    if (match) answers[match[1]] = value;
  }
  return {
    holders: holders.length > 0 ? Array.from(holders, (entry) => entry ?? {}) : undefined,
    answers: Object.keys(answers).length > 0 ? answers : undefined,
  };
}
