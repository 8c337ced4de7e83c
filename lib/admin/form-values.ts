// Moved to lib/admin/events/form-values.ts. This re-export stays only until
// components/admin/event-form.tsx (being split by another change) imports the new path.
export * from "./events/form-values";
