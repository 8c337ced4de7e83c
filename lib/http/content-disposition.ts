/**
 * A Content-Disposition header for a download: an ASCII fallback name plus the exact
 * UTF-8 name (RFC 6266 / 5987), with quotes, slashes and control characters removed.
 */
export function attachmentDisposition(filename: string): string {
  const cleaned = filename.replace(/[\u0000-\u001f\u007f"\\/]/g, "_").slice(0, 150) || "download";
  const ascii = cleaned.replace(/[^\x20-\x7e]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(cleaned)}`;
}

/** Headers for a private download that no cache or search engine should keep. */
export function privateDownloadHeaders(filename: string, contentType: string, size: number): HeadersInit {
  return {
    "content-type": contentType,
    "content-length": String(size),
    "content-disposition": attachmentDisposition(filename),
    "cache-control": "private, no-store",
    "x-robots-tag": "noindex",
  };
}
