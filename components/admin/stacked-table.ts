// Admin tables on a phone (issue 33): below the `sm` breakpoint a row becomes a small card,
// its cells labelled from `data-label`, two to a line, so no column hides past the screen's
// edge until swiped. From `sm` up they are ordinary tables. Each cell that holds a figure
// carries `data-label` (its column's name); placeholders ("–") that say nothing are hidden.
export const STACKED = {
  table: "w-full text-sm max-sm:block",
  /** The column heads stay for screen readers; the cells say their label on a phone. */
  head: "bg-stone-50 text-left max-sm:sr-only",
  body: "divide-y divide-stone-100 max-sm:block",
  row: "max-sm:grid max-sm:grid-cols-2 max-sm:gap-x-4 max-sm:gap-y-1 max-sm:p-3",
  /** The row's own header: a line of its own on a phone. */
  rowHeader: "max-sm:col-span-2 max-sm:p-0 max-sm:pb-1",
  cell:
    "max-sm:flex max-sm:items-baseline max-sm:justify-between max-sm:gap-2 max-sm:p-0 max-sm:before:font-normal max-sm:before:text-stone-600 max-sm:before:content-[attr(data-label)]",
  /** A cell with nothing to say ("–" where a figure has no meaning): not shown on a phone. */
  emptyCell: "max-sm:hidden",
} as const;
