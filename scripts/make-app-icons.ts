// Draws the web app's icons (public/icons/icon-<size>.png, used by app/manifest.ts): the
// brand colour with a white ticket, its notches cut out. Run once: `npx tsx scripts/make-app-icons.ts`.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const BRAND = [0xc2, 0x41, 0x0c];
const WHITE = [0xff, 0xff, 0xff];

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function icon(size: number): Buffer {
  const rows: Buffer[] = [];
  // The ticket fills the middle of the maskable safe zone (80%): 56% wide, 36% high.
  const [left, right, top, bottom] = [0.22 * size, 0.78 * size, 0.32 * size, 0.68 * size];
  const notch = 0.07 * size;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const inTicket = x >= left && x < right && y >= top && y < bottom;
      const inNotch = Math.hypot(x - left, y - size / 2) < notch || Math.hypot(x - right, y - size / 2) < notch;
      const perforation = Math.abs(x - 0.62 * size) < size / 160 && Math.floor(y / (size / 40)) % 2 === 0;
      const colour = inTicket && !inNotch && !perforation ? WHITE : BRAND;
      row.set(colour, 1 + x * 3);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.concat(rows), { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

for (const size of [192, 512]) writeFileSync(`public/icons/icon-${size}.png`, icon(size));
