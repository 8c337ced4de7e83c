// `npm run db:restore FILE [-- --database NAME]`
// Restores a backup of `npm run db:backup` into an EMPTY database: DATABASE_URL, or the
// embedded dev database. A database with tables in it is refused, never overwritten.
// --database NAME restores into that database instead (created if missing) on the same
// server; point DATABASE_URL at it afterwards. Then `npm run db:migrate` brings an older
// backup up to the current schema.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { BackupError, chooseTool, detectFormat, findPgTools, openTarget, restoreFromCustom, restoreFromSql, serverInfo } from "./lib/backup";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    database: { type: "string" },
    "data-dir": { type: "string", default: ".data" },
  },
});

async function main(): Promise<number> {
  const file = positionals[0] ? path.resolve(positionals[0]) : undefined;
  if (!file) throw new BackupError("Usage: npm run db:restore FILE [-- --database NAME]");
  if (!existsSync(file)) throw new BackupError(`No such file: ${file}`);
  const format = detectFormat(file);
  if (format === "unknown") throw new BackupError(`${file} is neither a gzip SQL backup nor a pg_dump custom archive.`);
  const target = await openTarget({
    externalUrl: process.env.DATABASE_URL?.trim() || undefined,
    dataDir: path.resolve(values["data-dir"]!),
    database: values.database,
  });
  try {
    if (format === "custom") {
      const { major } = await serverInfo(target.url);
      const tool = chooseTool(findPgTools("pg_restore"), major);
      if (!tool) throw new BackupError(`${file} is a pg_dump custom archive: it needs pg_restore ${major} or newer, which is not installed.`);
      await restoreFromCustom({ url: target.url, file, tool });
      console.log(`Restored ${path.basename(file)} into ${target.where} with ${tool.path}.`);
      return 0;
    }
    const result = await restoreFromSql({ url: target.url, file });
    const rows = Object.values(result.rows).reduce((sum, count) => sum + count, 0);
    console.log(`Restored ${path.basename(file)} (${result.meta.database}, ${result.meta.createdAt}) into ${target.where}`);
    console.log(`  ${rows} rows in ${Object.keys(result.rows).length} tables, ${result.meta.migrations.length} migrations, ${result.ms} ms. Run \`npm run db:migrate\` if the code is newer than the backup.`);
    return 0;
  } finally {
    await target.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof BackupError ? error.message : `Restore failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
