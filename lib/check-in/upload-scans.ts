import "server-only";
import { prisma } from "@/lib/db";
import { checkInTicket } from "./check-in-ticket";
import { isPlausibleScanTime } from "./scan-window";
import type { DoorSession, DoorStaff } from "./staff";
import type { Verdict } from "./verdict";
import type { OfflineScan } from "./upload-scans-schema";

export { MAX_SCANS_PER_UPLOAD, ZOfflineScan, type OfflineScan } from "./upload-scans-schema";

export type UploadedScan = { scanId: string; verdict: Verdict; conflict: boolean };

/**
 * Replays the admissions a scanner made offline, oldest first, each through the same one
 * conditional write as an online scan (checkInTicket). The first admission of a ticket that
 * reaches the server stands; a later one (the same ticket admitted offline at two doors, or
 * online before) is recorded in check_in_conflicts for the admin and answered as a conflict,
 * never dropped. So is an admission of a ticket voided or refunded since the door's last sync.
 * A scan time no door could have made (a phone's clock in 1970, 2099, before the scanner
 * could offer the session, ahead of the server's clock) is refused for that scan alone, with the reason `scan_time`, and recorded nowhere:
 * it would otherwise stand as the admission's time in the history.
 */
export async function uploadScans(options: { staff: DoorStaff; session: DoorSession; door: string; scans: OfflineScan[]; now?: Date }): Promise<UploadedScan[]> {
  const { staff, session, door } = options;
  const scans = [...options.scans].sort((a, b) => Date.parse(a.scannedAt) - Date.parse(b.scannedAt));
  const results: UploadedScan[] = [];
  const now = options.now ?? new Date();
  for (const scan of scans) {
    const scannedAt = new Date(scan.scannedAt);
    if (!isPlausibleScanTime(scannedAt, { startsAt: session.startsAt, now })) {
      results.push({ scanId: scan.scanId, verdict: { result: "rejected", reason: "scan_time", ticket: null }, conflict: true });
      continue;
    }
    const verdict = await checkInTicket({ staff, session, code: scan.code, door, offline: { scanId: scan.scanId, scannedAt } });
    if (verdict.result === "admitted" || !verdict.ticket) {
      results.push({ scanId: scan.scanId, verdict, conflict: false });
      continue;
    }
    const reason = verdict.result === "rejected" ? verdict.reason : "already_checked_in";
    const standing = verdict.result === "already_checked_in" ? verdict.checkIn.id : null;
    await prisma.$executeRaw`
      INSERT INTO check_in_conflicts (ticket_id, session_id, staff_id, staff_email, door, scan_id, scanned_at, reason, check_in_id)
      VALUES (${verdict.ticket.id}::uuid, ${session.id}::uuid, ${staff.id}::uuid, ${staff.email}, ${door}, ${scan.scanId}::uuid, ${scannedAt}, ${reason}, ${standing}::uuid)
      ON CONFLICT (scan_id) DO NOTHING`;
    results.push({ scanId: scan.scanId, verdict, conflict: true });
  }
  return results;
}
