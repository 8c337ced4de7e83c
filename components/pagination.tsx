import Link from "next/link";

export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const linkClass = "min-h-11 rounded-lg border border-stone-300 bg-white px-4 py-2.5 font-medium hover:bg-stone-100";
  return (
    <nav aria-label="Pages" className="mt-8 flex items-center justify-center gap-3">
      {page > 1 ? <Link href={hrefFor(page - 1)} className={linkClass} rel="prev">Previous</Link> : null}
      <span className="text-sm text-stone-700" aria-current="page">Page {page} of {pageCount}</span>
      {page < pageCount ? <Link href={hrefFor(page + 1)} className={linkClass} rel="next">Next</Link> : null}
    </nav>
  );
}
