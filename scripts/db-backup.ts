// `npm run db:backup [-- --out DIR] [--format auto|sql|custom]`
// A consistent, compressed, timestamped backup of DATABASE_URL or of the embedded dev
// database (.data/pg; the running server of `npm run dev`, or started for the occasion).
// Format: pg_dump's custom format when a pg_dump of the server's major (or newer) is
// installed, else a gzip SQL script written here (docs/decisions/0005-backups.md).
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupError, backupToCustom, backupToSql, chooseTool, findPgTools, openTarget, serverInfo } from "./lib/backup";

const { values } = parseArgs({
  options: {
    out: { type: "string", default: ".data/backups" },
    format: { type: "string", default: "auto" },
    "data-dir": { type: "string", default: ".data" },
  },
});

async function main(): Promise<number> {
  const format = values.format!;
  if (!["auto", "sql", "custom"].includes(format)) throw new BackupError(`--format must be auto, sql or custom (got ${format})`);
  const target = await openTarget({ externalUrl: process.env.DATABASE_URL?.trim() || undefined, dataDir: path.resolve(values["data-dir"]!) });
  try {
    const outDir = path.resolve(values.out!);
    let result;
    if (format === "sql") {
      result = await backupToSql({ url: target.url, outDir });
    } else {
      const { major, version } = await serverInfo(target.url);
      const tools = findPgTools("pg_dump");
      const tool = chooseTool(tools, major);
      if (!tool && format === "custom") {
        const found = tools.map((candidate) => `${candidate.major} (${candidate.path})`).join(", ") || "none";
        throw new BackupError(`--format custom needs pg_dump ${major} or newer for server ${version}; found: ${found}. Use --format sql.`);
      }
      result = tool ? await backupToCustom({ url: target.url, outDir, tool }) : await backupToSql({ url: target.url, outDir });
    }
    const rows = Object.values(result.rows).reduce((sum, count) => sum + count, 0);
    console.log(`Backed up ${target.where} to ${path.relative(process.cwd(), result.file)}`);
    console.log(`  format ${result.format === "custom" ? "pg_dump custom" : "gzip SQL"}, ${(result.bytes / 1024).toFixed(1)} KiB${result.format === "sql" ? `, ${rows} rows in ${Object.keys(result.rows).length} tables` : ""}, ${result.ms} ms`);
    return 0;
  } finally {
    await target.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof BackupError ? error.message : `Backup failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
