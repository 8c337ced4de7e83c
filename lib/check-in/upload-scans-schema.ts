import { z } from "zod";

/** Most scans one upload carries; a scanner with more sends them in several uploads. */
export const MAX_SCANS_PER_UPLOAD = 200;

export const ZOfflineScan = z.strictObject({
  scanId: z.uuid().describe("The scanner's own id of this scan: uploading it again records it once"),
  code: z.string().min(1).max(256).describe("The scanned QR text"),
  scannedAt: z.iso.datetime({ offset: true }).describe("When the door admitted it, by the scanner's clock"),
});
export type OfflineScan = z.infer<typeof ZOfflineScan>;
