"use client";
// The door scanner (app/check-in): reads a ticket's QR with the camera where the browser can
// (BarcodeDetector), or takes the code typed in, and answers in a glance: green admitted,
// amber already in, red not valid. The engine (lib/check-in/door-sync.ts) does the rest: the
// server decides online (POST /api/check-in, one conditional write); without a connection the
// phone decides from the door list it synced, queues what it admitted, and uploads the queue
// when the connection returns. This file keeps the view and the camera.
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { browserStorage, createDoorStorage } from "@/lib/check-in/door-storage";
import { doorView, scanTicket, syncDoor, type DoorEngine, type DoorView } from "@/lib/check-in/door-sync";
import { REJECTION_TEXT, type Verdict } from "@/lib/check-in/verdict";

export type ScannerSession = { id: string; eventId: string; eventTitle: string; startsAt: string; venueName: string; timeZone: string };

type Shown = { verdict: Verdict; offline: boolean; seq: number };

type BarcodeDetectorLike = { detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]> };
type BarcodeDetectorClass = new (options: { formats: string[] }) => BarcodeDetectorLike;

const SYNC_EVERY_MS = 30_000;
const SAME_CODE_PAUSE_MS = 3_000;

function clock(iso: string, timeZone: string): string {
  if (Number.isNaN(Date.parse(iso))) return "–";
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone }).format(new Date(iso));
}

/** "Fri 18 Dec, 20:30", on the venue's clock. */
function sessionWhen(session: ScannerSession): string {
  return new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: session.timeZone }).format(new Date(session.startsAt));
}

/** The time first: on a phone a long title would push it past the picker's edge. */
function sessionLabel(session: ScannerSession): string {
  return `${sessionWhen(session)} · ${session.eventTitle}`;
}

const noSubscription = () => () => {};

/** The scanner reads the phone's storage, so it renders in the browser only. */
export function DoorScanner(props: { sessions: ScannerSession[]; staffName: string; account: string }) {
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  if (props.sessions.length === 0) {
    return (
      <div className="mx-auto flex max-w-xl flex-col gap-2">
        <h1 className="text-2xl font-bold">Check-in</h1>
        <p className="text-stone-700">No session of your events is on now or in the next two weeks.</p>
      </div>
    );
  }
  if (!inBrowser) return <h1 className="mx-auto max-w-xl text-2xl font-bold">Check-in</h1>;
  return <Scanner {...props} />;
}

function supportsCamera(): boolean {
  return "BarcodeDetector" in window && Boolean(navigator.mediaDevices?.getUserMedia);
}

function Scanner({ sessions, staffName, account }: { sessions: ScannerSession[]; staffName: string; account: string }) {
  const engine = useMemo<DoorEngine>(() => {
    const storage = createDoorStorage(browserStorage(), account);
    storage.adoptLegacyEntries();
    return { storage, fetch: (input, init) => fetch(input, init) };
  }, [account]);
  const { storage } = engine;
  const [sessionId, setSessionId] = useState(() => {
    const saved = storage.lastSession();
    return sessions.some((entry) => entry.id === saved) ? saved : sessions[0].id;
  });
  const [door, setDoor] = useState(() => storage.door() || "Door 1");
  const [view, setView] = useState<DoorView>(() => doorView(storage, sessionId));
  const [online, setOnline] = useState(() => navigator.onLine);
  const [shown, setShown] = useState<Shown | null>(null);
  const [notice, setNotice] = useState("");
  const [camera, setCamera] = useState<"off" | "starting" | "on" | "unsupported">("off");
  const videoRef = useRef<HTMLVideoElement>(null);
  const lastScan = useRef({ code: "", at: 0 });
  const busy = useRef(false);
  const session = sessions.find((entry) => entry.id === sessionId) ?? sessions[0];
  const { list, queued, problems } = view;

  function chooseSession(id: string) {
    storage.setLastSession(id);
    setSessionId(id);
    setShown(null);
    setView(doorView(storage, id));
  }

  const sync = useCallback(
    async (id: string) => {
      const outcome = await syncDoor(engine, id);
      if (outcome === "online") setOnline(true);
      else if (outcome === "offline") setOnline(false);
      else setNotice("Could not sync with the server; scans are kept on this phone.");
      setView(doorView(engine.storage, id));
    },
    [engine],
  );

  useEffect(() => {
    // Sync at once (in a task of its own, not during the effect), then every 30 s and on reconnect.
    const first = setTimeout(() => void sync(sessionId), 0);
    const timer = setInterval(() => void sync(sessionId), SYNC_EVERY_MS);
    const back = () => void sync(sessionId);
    const gone = () => setOnline(false);
    window.addEventListener("online", back);
    window.addEventListener("offline", gone);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
      window.removeEventListener("online", back);
      window.removeEventListener("offline", gone);
    };
  }, [sessionId, sync]);

  const check = useCallback(
    async (raw: string) => {
      const code = raw.trim();
      if (!code || busy.current) return;
      busy.current = true;
      setNotice("");
      try {
        const outcome = await scanTicket(engine, { sessionId, code, door, by: staffName, tryOnline: navigator.onLine });
        if (outcome.online !== undefined) setOnline(outcome.online);
        if (outcome.notice) setNotice(outcome.notice);
        const verdict = outcome.verdict;
        if (verdict) setShown((previous) => ({ verdict, offline: outcome.offline, seq: (previous?.seq ?? 0) + 1 }));
        setView(doorView(engine.storage, sessionId));
      } finally {
        busy.current = false;
      }
    },
    [engine, sessionId, door, staffName],
  );

  // The camera: BarcodeDetector where the browser has it; the typed code always works.
  useEffect(() => {
    if (camera !== "starting") return;
    const Detector = (window as unknown as { BarcodeDetector: BarcodeDetectorClass }).BarcodeDetector;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
        if (stopped || !videoRef.current) return;
        videoRef.current.srcObject = stream;
        await videoRef.current.play();
        setCamera("on");
        const detector = new Detector({ formats: ["qr_code"] });
        timer = setInterval(async () => {
          if (!videoRef.current || busy.current) return;
          const found = await detector.detect(videoRef.current).catch(() => []);
          const code = found[0]?.rawValue;
          if (!code) return;
          const now = Date.now();
          if (code === lastScan.current.code && now - lastScan.current.at < SAME_CODE_PAUSE_MS) return;
          lastScan.current = { code, at: now };
          void check(code);
        }, 250);
      } catch {
        setCamera("unsupported");
      }
    })();
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [camera, check]);

  const timeZone = session.timeZone;
  return (
    <div className="mx-auto flex w-full max-w-xl min-w-0 flex-col gap-4">
      <h1 className="text-2xl font-bold">Check-in</h1>
      <div className="flex flex-col gap-3 rounded-2xl border border-stone-200 bg-white p-4">
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="door-session" className="text-sm font-medium">Session</label>
          <select id="door-session" value={sessionId} onChange={(event) => chooseSession(event.target.value)} className="min-h-11 w-full min-w-0 rounded-lg border border-stone-300 bg-white px-3">
            {sessions.map((entry) => (
              <option key={entry.id} value={entry.id}>{sessionLabel(entry)}</option>
            ))}
          </select>
          <p className="text-sm text-stone-700" data-testid="door-session-when">
            <span className="font-semibold text-stone-900">{sessionWhen(session)}</span> · {session.venueName}
          </p>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor="door-name" className="text-sm font-medium">This door</label>
          <input
            id="door-name"
            value={door}
            maxLength={60}
            onChange={(event) => {
              setDoor(event.target.value);
              storage.setDoor(event.target.value);
            }}
            className="min-h-11 w-full rounded-lg border border-stone-300 px-3"
          />
        </div>
        <p className="text-sm text-stone-700" data-testid="door-sync" data-online={online ? "yes" : "no"} data-queued={queued}>
          {online ? "Online" : "Offline: checking against the door list on this phone"}
          {list ? ` · door list of ${clock(list.syncedAt, timeZone)} (${list.tickets.length} tickets)` : " · no door list yet"}
          {queued > 0 ? ` · ${queued} check-in${queued === 1 ? "" : "s"} waiting to upload` : ""}
        </p>
      </div>

      <VerdictPanel shown={shown} timeZone={timeZone} />
      {notice ? <p role="alert" className="rounded-lg bg-amber-50 p-3 text-amber-900">{notice}</p> : null}

      <form
        className="flex flex-col gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const input = event.currentTarget.elements.namedItem("code") as HTMLInputElement;
          void check(input.value).then(() => {
            input.value = "";
            input.focus();
          });
        }}
      >
        <label htmlFor="ticket-code" className="text-sm font-medium">Ticket code, as printed under the QR (when the camera cannot read it)</label>
        <input id="ticket-code" name="code" placeholder="K7QMR-3XT9P" autoComplete="off" autoCapitalize="characters" spellCheck={false} className="min-h-11 w-full rounded-lg border border-stone-300 px-3 font-mono text-base uppercase placeholder:normal-case placeholder:text-stone-500" />
        <button type="submit" className="min-h-11 rounded-xl bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">Check in</button>
      </form>

      <div className="flex flex-col gap-2">
        {camera === "off" || camera === "unsupported" ? (
          <button type="button" onClick={() => setCamera(supportsCamera() ? "starting" : "unsupported")} className="min-h-11 rounded-xl border border-brand-600 px-4 font-semibold text-brand-700 hover:bg-brand-50">
            Scan with the camera
          </button>
        ) : (
          <button type="button" onClick={() => setCamera("off")} className="min-h-11 rounded-xl border border-stone-400 px-4 font-semibold">Stop the camera</button>
        )}
        {camera === "unsupported" ? <p className="text-sm text-stone-700">This browser cannot read QR codes from the camera. Type the code printed under the QR instead.</p> : null}
        <video ref={videoRef} muted playsInline aria-label="Camera view" className={camera === "on" || camera === "starting" ? "aspect-square w-full rounded-2xl bg-black object-cover" : "hidden"} />
      </div>

      {problems.length > 0 ? (
        <section aria-labelledby="door-problems" className="flex flex-col gap-2 rounded-2xl border border-red-200 bg-red-50 p-4">
          <h2 id="door-problems" className="font-semibold text-red-900">Admitted offline, not accepted after sync</h2>
          <ul className="flex flex-col gap-1 text-sm">
            {problems.map((problem) => (
              <li key={problem.scanId}>
                {clock(problem.at, timeZone)} · {problem.verdict.ticket?.holderName ?? "Unknown ticket"}:{" "}
                {problem.verdict.result === "already_checked_in"
                  ? `already in since ${clock(problem.verdict.checkIn.at, timeZone)} (${problem.verdict.checkIn.door})`
                  : problem.verdict.result === "rejected"
                    ? REJECTION_TEXT[problem.verdict.reason].toLowerCase()
                    : "admitted"}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

function VerdictPanel({ shown, timeZone }: { shown: Shown | null; timeZone: string }) {
  if (!shown) {
    return (
      <div role="status" className="rounded-2xl border-2 border-dashed border-stone-300 p-6 text-center text-stone-700">
        Scan a ticket or type its code.
      </div>
    );
  }
  const { verdict, offline } = shown;
  const ticketLine = verdict.ticket ? `${verdict.ticket.holderName} · ${verdict.ticket.ticketTypeName}` : null;
  const style =
    verdict.result === "admitted" ? "bg-green-700 text-white" : verdict.result === "already_checked_in" ? "bg-amber-300 text-stone-950" : "bg-red-700 text-white";
  const heading =
    verdict.result === "admitted"
      ? "Admitted"
      : verdict.result === "already_checked_in"
        ? `Already checked in at ${clock(verdict.checkIn.at, timeZone)}`
        : REJECTION_TEXT[verdict.reason];
  return (
    <div role="status" key={shown.seq} className={`flex flex-col gap-1 rounded-2xl p-6 ${style}`} data-testid="verdict" data-result={verdict.result}>
      <p className="text-3xl font-bold">{heading}</p>
      {ticketLine ? <p className="text-lg font-semibold break-words">{ticketLine}</p> : verdict.result === "admitted" ? <p className="text-lg">Ticket issued after the last sync</p> : null}
      {verdict.ticket?.notes?.length ? (
        <ul className="break-words" aria-label="Answers for the door" data-testid="door-notes">
          {verdict.ticket.notes.map((note) => <li key={note}>{note}</li>)}
        </ul>
      ) : null}
      {verdict.result === "already_checked_in" ? <p className="break-words">by {verdict.checkIn.by} at {verdict.checkIn.door}</p> : null}
      {offline ? <p className="text-sm">Checked on this phone (offline){verdict.result === "admitted" ? "; it uploads when the connection returns" : ""}.</p> : null}
    </div>
  );
}
