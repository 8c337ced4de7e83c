// `npm run admin:create`: make the first admin of a database (DATABASE_URL, or the embedded
// one). Asks for the email and password, or reads ADMIN_EMAIL and ADMIN_PASSWORD (for
// automation; unset them afterwards). An existing user with that email is promoted and
// gets the new password. Applies pending migrations first, so it works on a new database.
import path from "node:path";
import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";
import { PrismaPg } from "@prisma/adapter-pg";
import { ZodError } from "zod";
import { createAdmin, ZAdminCredentials } from "../lib/auth/create-admin";
import { applyMigrations } from "../lib/db/migrations";
import { PrismaClient } from "../lib/generated/prisma/client";
import { openDatabase, StartupError } from "./lib/prepare-database";

async function ask(question: string, options: { hidden?: boolean } = {}): Promise<string> {
  // A muted output stream keeps the password off the screen (the prompt itself is written first).
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, callback) {
      if (!muted) process.stdout.write(chunk);
      callback();
    },
  });
  const prompt = createInterface({ input: process.stdin, output, terminal: process.stdin.isTTY });
  try {
    const answer = prompt.question(question);
    muted = Boolean(options.hidden);
    const value = await answer;
    if (options.hidden) process.stdout.write("\n");
    return value.trim();
  } finally {
    prompt.close();
  }
}

async function main() {
  const email = process.env.ADMIN_EMAIL?.trim() || (await ask("Admin email: "));
  let password = process.env.ADMIN_PASSWORD || "";
  if (!password) {
    password = await ask("Password (12+ characters, at most 72 bytes): ", { hidden: true });
    const again = await ask("Password again: ", { hidden: true });
    if (again !== password) throw new StartupError("The passwords differ; nothing was changed.");
  }

  // Refuse a bad email or password before any database is started or touched.
  ZAdminCredentials.parse({ email, password });

  const database = await openDatabase({ externalUrl: process.env.DATABASE_URL?.trim() || undefined, dataDir: path.resolve(".data/pg"), quiet: true });
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
  try {
    await applyMigrations(database.url);
    const result = await createAdmin(prisma, { email, password });
    console.log(result.created ? `Created admin ${email}.` : `${email} is now an admin with the new password; their earlier sessions have ended.`);
  } finally {
    await prisma.$disconnect();
    await database.embedded?.stop();
  }
}

main().catch((error) => {
  if (error instanceof ZodError) console.error(`Not changed: ${error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
  else console.error(error instanceof StartupError ? error.message : `admin:create failed: ${(error as Error).message}`);
  process.exit(1);
});
