import "server-only";
import { afterPublicChange } from "@/lib/cache/public-pages";
import { prisma } from "@/lib/db";
import { inTransaction } from "@/lib/db/transaction";
import { assertAdmin, type Actor } from "../authorize";
import { writeAudit } from "../audit";
import { checkEventRules, sessionInstants } from "./check-event-rules";
import { eventHostAndVenue } from "./event-host";
import { AdminError } from "../errors";
import { snapshotEvent } from "./event-snapshot";
import { mapEventWriteError } from "./map-event-write-error";
import type { ImageUpload } from "./prepare-event-image";
import { eventColumns, ZCreateEvent } from "./schemas";
import { storePreparedImage } from "./store-event-image";
import { validateEventInput } from "./validate-event-input";
import { writeEventChildren } from "./write-event-children";
import { unknownQuestionErrors, writeEventQuestions } from "./write-event-questions";
import { writeEventTranslations } from "./write-event-translations";

export type SavedEvent = { id: string; slug: string; version: number; status: string };

/**
 * Validates the raw input (form or JSON) and the uploaded image, checks the rules that
 * need the database, stores the image, then writes the event, its sessions, ticket types,
 * bookable experiences and questions and the audit entry in ONE transaction.
 */
export async function createEvent(options: { actor: Actor | null; input: unknown; image?: ImageUpload | null }): Promise<SavedEvent> {
  const actor = await assertAdmin(options.actor);
  const { input, image } = await validateEventInput(ZCreateEvent, options.input, options.image, { imageRequired: true });

  const { hostId, venue } = await eventHostAndVenue(prisma, actor, input);
  const ruleErrors = { ...unknownQuestionErrors(input, []), ...(await checkEventRules(prisma, { eventId: null, input, venue })) };
  if (Object.keys(ruleErrors).length > 0) throw new AdminError("validation_failed", "Check the highlighted fields.", ruleErrors);

  const imagePath = image ? await storePreparedImage(image) : input.imagePath!;
  try {
    return await inTransaction(async (tx) => {
      // Checked again inside the transaction: another admin may have taken the slot meanwhile.
      const errors = await checkEventRules(tx, { eventId: null, input, venue });
      if (Object.keys(errors).length > 0) throw new AdminError("validation_failed", "Check the highlighted fields.", errors);
      const event = await tx.event.create({
        data: { ...eventColumns(input, venue.id, hostId), imagePath },
        select: { id: true, slug: true, version: true, status: true },
      });
      const typeIds = await writeEventChildren(tx, {
        eventId: event.id,
        venueId: venue.id,
        input,
        instants: sessionInstants(input, venue.time_zone),
        timeZone: venue.time_zone,
        existing: { sessions: [], resourceIds: [] },
      });
      await writeEventQuestions(tx, { eventId: event.id, input, typeIds, existingIds: [] });
      await writeEventTranslations(tx, { eventId: event.id, language: input.language, translations: input.translations });
      await writeAudit(tx, { actor, action: "event.create", entityType: "event", entityId: event.id, after: await snapshotEvent(tx, event.id) });
      return event;
    }).then(afterPublicChange);
  } catch (error) {
    throw mapEventWriteError(error);
  }
}
