// `npm run storage:migrate`: copy the files of the filesystem store (STORAGE_DIR: ticket PDFs,
// outbox attachments, event images) to the bucket of S3_BUCKET, under the same keys, before
// switching the app to the bucket. Safe to run again: what the bucket already has is skipped.
//   S3_BUCKET=… S3_ENDPOINT=… S3_ACCESS_KEY_ID=… S3_SECRET_ACCESS_KEY=… S3_FORCE_PATH_STYLE=true npm run storage:migrate
import path from "node:path";
import { EnvError, parseEnv } from "../lib/env";
import { copyFolderToBucket } from "../lib/storage/copy-folder-to-bucket";
import { createS3BlobStore, s3SettingsOf, StorageUnreachableError } from "../lib/storage/s3-blob-store";

async function main() {
  const settings = parseEnv(process.env);
  const s3 = s3SettingsOf(settings);
  if (!s3) throw new EnvError("S3_BUCKET is not set: name the bucket to copy STORAGE_DIR into (and S3_ENDPOINT, the S3 credentials).");
  const bucket = createS3BlobStore(s3);
  await bucket.checkReachable();
  const dir = path.resolve(settings.STORAGE_DIR);
  console.log(`Copying ${dir} to bucket ${s3.bucket}${s3.endpoint ? ` at ${s3.endpoint}` : ""}…`);
  const report = await copyFolderToBucket({ dir, bucket });
  console.log(`Copied ${report.copied} files, ${report.skipped} already in the bucket.`);
  if (report.refused.length > 0) console.log(`Not copied (not files the app wrote): ${report.refused.join(", ")}`);
}

main().catch((error) => {
  const known = error instanceof EnvError || error instanceof StorageUnreachableError;
  console.error(known ? error.message : `storage:migrate failed: ${(error as Error).message}`);
  process.exit(1);
});
