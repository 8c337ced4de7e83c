import "server-only";
import { type Actor } from "@/lib/admin/authorize";
import { writeAudit } from "@/lib/admin/audit";
import { AdminError } from "@/lib/admin/errors";
import { prepareEventImage, type ImageUpload } from "@/lib/admin/events/prepare-event-image";
import { storePreparedImage } from "@/lib/admin/events/store-event-image";
import { afterPublicChange } from "@/lib/cache/public-pages";
import { fieldErrorsOf } from "@/lib/errors/field-errors";
import { inTransaction } from "@/lib/db/transaction";
import type { Prisma } from "@/lib/generated/prisma/client";
import { readHostTranslations } from "../host-text";
import { assertHostManager, HOST_NOT_FOUND } from "../team/team-access";
import { TRANSLATED_LOCALES, ZHostProfile } from "./host-profile-schema";

/**
 * Saves a host's page: by its owners and managers, and the platform admin; bad input changes
 * nothing (the photo is checked and stored only once the texts are valid). Expires the public
 * pages that show the host (its page is cached under the catalog's tag, its events name it);
 * a new name reaches the open-data feeds by the `hosts_publish_feeds` trigger, whatever path
 * wrote it. Audited.
 */
export async function updateHostProfile(options: { actor: Actor | null; hostId: string; input: unknown; photo?: ImageUpload | null }): Promise<{ id: string; slug: string }> {
  const actor = await assertHostManager(options.actor, options.hostId);
  const parsed = ZHostProfile.safeParse(options.input);
  if (!parsed.success) throw new AdminError("validation_failed", "Check the highlighted fields.", fieldErrorsOf(parsed.error.issues));
  const input = parsed.data;
  const photoPath = options.photo ? await storePreparedImage(await preparePhoto(options.photo)) : undefined;
  return inTransaction(async (tx) => {
    const [host] = await tx.$queryRaw<{ id: string; slug: string; name: string; story: string; city: string; photo_path: string | null; translations: Prisma.JsonValue }[]>`
      SELECT id, slug, name, story, city, photo_path, translations FROM hosts WHERE id = ${options.hostId}::uuid FOR UPDATE`;
    if (!host) throw new AdminError("not_found", HOST_NOT_FOUND);
    // The form's languages replace theirs; any other stored language (an English name of a host that writes in Catalan) stays.
    const kept = readHostTranslations(host.translations);
    for (const locale of TRANSLATED_LOCALES) delete kept[locale];
    const translations = { ...kept, ...readHostTranslations(input.translations) };
    const after = { name: input.name, story: input.story, city: input.city, translations, photoPath: photoPath ?? host.photo_path };
    await tx.host.update({ where: { id: host.id }, data: after });
    await writeAudit(tx, { actor, action: "host.profile", entityType: "host", entityId: host.id, before: { name: host.name, story: host.story, city: host.city, translations: host.translations, photoPath: host.photo_path }, after });
    return { id: host.id, slug: host.slug };
  }).then(afterPublicChange);
}

/** The photo through the event image's checks (type, size, what the bytes are) under the form's `photo` field. */
async function preparePhoto(upload: ImageUpload) {
  try {
    return await prepareEventImage(upload);
  } catch (error) {
    if (error instanceof AdminError && error.fieldErrors?.image) throw new AdminError("validation_failed", error.message, { photo: error.fieldErrors.image });
    throw error;
  }
}
