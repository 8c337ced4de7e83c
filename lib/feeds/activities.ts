// The OpenActive activity-list concepts this storefront offers (a CC BY 4.0 subset, with its
// attribution, in openactive-activities.json). Events that are not physical activity
// (concerts, comedy, talks, tastings) have none: the list does not cover them.
import list from "./openactive-activities.json";

export type ActivityConcept = { id: string; identifier: string; prefLabel: string };

export const ACTIVITY_LIST_URL = list.inScheme;
export const ACTIVITY_LIST_ATTRIBUTION = list._attribution;
export const ACTIVITIES: readonly ActivityConcept[] = list.concepts;

const BY_IDENTIFIER = new Map(ACTIVITIES.map((concept) => [concept.identifier, concept]));

/** The concept with this uuid, or undefined when the storefront does not offer it. */
export function activityConcept(identifier: string | null | undefined): ActivityConcept | undefined {
  return identifier ? BY_IDENTIFIER.get(identifier.toLowerCase()) : undefined;
}
