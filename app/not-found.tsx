import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md py-12 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-stone-700">This page does not exist or is no longer available.</p>
      <Link href="/" className="mt-4 inline-block font-semibold text-brand-700 underline">See what&apos;s on</Link>
    </div>
  );
}
