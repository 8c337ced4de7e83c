export const sectionClass = "flex flex-col gap-4 rounded-2xl border border-stone-200 bg-white p-4 sm:p-6";
export const smallButton = "min-h-11 rounded-lg border border-stone-300 bg-white px-3 text-sm font-medium hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-60";
