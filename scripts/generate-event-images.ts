// Draws one abstract illustration per demo event (public/images/events/<slug>.webp).
// Each picture is an SVG: a gradient in the category's colours, a decorative layer and a
// simple motif (notes, a microphone, a sailboat...), rasterised to WebP with sharp.
// Deterministic: the same slug always gives the same picture. No text, so no fonts needed.
//   npx tsx scripts/generate-event-images.ts            (all images)
//   npx tsx scripts/generate-event-images.ts some-slug  (just those)
import { mkdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";
import { DEMO_EVENT_IMAGES, type DemoCategory, type Motif } from "../lib/db/seed-demo";

const WIDTH = 1200;
const HEIGHT = 800;
const MAX_BYTES = 60 * 1024;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const PUBLIC_DIR = path.join(ROOT, "public");

// --- deterministic numbers ------------------------------------------------------------

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a tiny seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), a | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

// --- colours ----------------------------------------------------------------------------

const CATEGORY_HUE: Record<DemoCategory, number> = {
  concert: 255, festival: 315, comedy: 40, workshop: 22, tour: 190, food: 8, theatre: 345, family: 135,
};

type Palette = { deep: string; mid: string; light: string; accent: string; accent2: string; ink: string; shadow: string };

function paletteFor(category: DemoCategory, rand: () => number): Palette {
  const h = (CATEGORY_HUE[category] + Math.round((rand() - 0.5) * 50) + 360) % 360;
  const hsl = (dh: number, s: number, l: number) => `hsl(${(h + dh + 360) % 360}, ${s}%, ${l}%)`;
  const swing = rand() < 0.5 ? 35 : -35;
  return {
    deep: hsl(0, 55, 16),
    mid: hsl(swing, 60, 36),
    light: hsl(swing * 1.6, 70, 58),
    accent: hsl(180 + swing / 2, 75, 62),
    accent2: hsl(-swing * 2, 85, 66),
    ink: hsl(20, 70, 95),
    shadow: hsl(0, 60, 8),
  };
}

// --- decorative layers ---------------------------------------------------------------

type Decor = "blobs" | "stripes" | "dots" | "waves" | "rays" | "rings";
const DECORS: Decor[] = ["blobs", "stripes", "dots", "waves", "rays", "rings"];

function decor(kind: Decor, p: Palette, rand: () => number): string {
  switch (kind) {
    case "blobs": {
      let out = "";
      for (let i = 0; i < 5; i++) {
        const fill = i % 2 ? p.accent : p.accent2;
        out += `<circle cx="${r1(rand() * WIDTH)}" cy="${r1(rand() * HEIGHT)}" r="${r1(120 + rand() * 220)}" fill="${fill}" opacity="${r1(0.12 + rand() * 0.14)}" filter="url(#soft)"/>`;
      }
      return out;
    }
    case "stripes": {
      let out = `<g opacity="0.10" transform="rotate(${Math.round(-30 + rand() * 60)} 600 400)">`;
      for (let x = -600; x < 1800; x += 56) out += `<rect x="${x}" y="-600" width="18" height="2000" fill="${p.ink}"/>`;
      return `${out}</g>`;
    }
    case "dots": {
      let out = `<g fill="${p.ink}" opacity="0.16">`;
      const step = 48;
      const ox = Math.round(rand() * 24);
      for (let y = 24; y < HEIGHT; y += step) for (let x = 24 + ox; x < WIDTH * 0.45; x += step) out += `<circle cx="${x}" cy="${y}" r="4"/>`;
      return `${out}</g>`;
    }
    case "waves": {
      let out = "";
      for (let i = 0; i < 4; i++) {
        const base = 560 + i * 70;
        const amp = 22 + rand() * 26;
        const phase = rand() * 300;
        let d = `M0 ${base}`;
        for (let x = 0; x <= WIDTH; x += 100) {
          const y = base + Math.sin((x + phase) / 95) * amp;
          d += ` L${x} ${r1(y)}`;
        }
        d += ` L${WIDTH} ${HEIGHT} L0 ${HEIGHT} Z`;
        out += `<path d="${d}" fill="${i % 2 ? p.accent : p.mid}" opacity="${r1(0.18 + i * 0.08)}"/>`;
      }
      return out;
    }
    case "rays": {
      const cx = rand() < 0.5 ? 0 : WIDTH;
      const cy = rand() < 0.5 ? 0 : HEIGHT;
      let out = `<g fill="${p.ink}" opacity="0.08">`;
      for (let a = 0; a < 360; a += 12) {
        const a1 = (a * Math.PI) / 180;
        const a2 = ((a + 5) * Math.PI) / 180;
        out += `<path d="M${cx} ${cy} L${r1(cx + Math.cos(a1) * 1600)} ${r1(cy + Math.sin(a1) * 1600)} L${r1(cx + Math.cos(a2) * 1600)} ${r1(cy + Math.sin(a2) * 1600)} Z"/>`;
      }
      return `${out}</g>`;
    }
    case "rings": {
      const cx = r1(200 + rand() * 800);
      const cy = r1(150 + rand() * 500);
      let out = `<g fill="none" stroke="${p.ink}" opacity="0.12">`;
      for (let r = 60; r < 900; r += 70) out += `<circle cx="${cx}" cy="${cy}" r="${r}" stroke-width="${r % 140 ? 3 : 10}"/>`;
      return `${out}</g>`;
    }
  }
}

// --- motifs: drawn in a 400 x 400 box centred on (0, 0) -----------------------------

function motif(kind: Motif, p: Palette): string {
  const ink = p.ink;
  const dark = p.deep;
  const acc = p.accent;
  const acc2 = p.accent2;
  switch (kind) {
    case "notes":
      return `<g fill="${ink}">
        <ellipse cx="-95" cy="110" rx="44" ry="32" transform="rotate(-20 -95 110)"/>
        <ellipse cx="65" cy="75" rx="44" ry="32" transform="rotate(-20 65 75)"/>
        <rect x="-62" y="-150" width="16" height="262"/><rect x="98" y="-185" width="16" height="262"/>
        <path d="M-62 -150 L114 -185 L114 -135 L-62 -100 Z"/>
        <ellipse cx="-170" cy="-40" rx="26" ry="19" fill="${acc}" transform="rotate(-20 -170 -40)"/>
        <rect x="-152" y="-140" width="9" height="100" fill="${acc}"/>
        <path d="M-143 -140 q40 20 30 70 q-6 -30 -30 -40 Z" fill="${acc}"/></g>`;
    case "guitar":
      return `<g transform="rotate(-28)">
        <rect x="-14" y="-210" width="28" height="200" fill="${acc2}"/>
        <rect x="-24" y="-250" width="48" height="52" rx="10" fill="${ink}"/>
        <circle cx="0" cy="30" r="92" fill="${ink}"/><circle cx="0" cy="120" r="112" fill="${ink}"/>
        <circle cx="0" cy="40" r="34" fill="${dark}"/>
        <rect x="-38" y="150" width="76" height="14" rx="4" fill="${dark}"/>
        <g stroke="${dark}" stroke-width="2" opacity="0.7"><line x1="-8" y1="-240" x2="-8" y2="158"/><line x1="0" y1="-240" x2="0" y2="158"/><line x1="8" y1="-240" x2="8" y2="158"/></g></g>`;
    case "strings":
      return `<g transform="rotate(18)">
        <path d="M0 -170 C70 -170 90 -120 70 -70 C55 -40 55 -20 70 10 C110 80 90 190 0 190 C-90 190 -110 80 -70 10 C-55 -20 -55 -40 -70 -70 C-90 -120 -70 -170 0 -170 Z" fill="${ink}"/>
        <path d="M-32 -40 q-12 40 0 80 M32 -40 q12 40 0 80" stroke="${dark}" stroke-width="8" fill="none" stroke-linecap="round"/>
        <rect x="-12" y="-260" width="24" height="120" fill="${dark}"/><circle cx="0" cy="-268" r="20" fill="${acc}"/>
        <rect x="-26" y="120" width="52" height="12" fill="${dark}"/></g>
        <line x1="-230" y1="170" x2="210" y2="-150" stroke="${acc2}" stroke-width="10" stroke-linecap="round"/>`;
    case "vinyl":
      return `<g><circle r="200" fill="${p.shadow}"/>
        <g fill="none" stroke="${ink}" opacity="0.25" stroke-width="2">${[175, 155, 135, 115, 95].map((r) => `<circle r="${r}"/>`).join("")}</g>
        <circle r="68" fill="${acc2}"/><circle r="10" fill="${ink}"/>
        <path d="M-150 -60 A160 160 0 0 1 -60 -150" stroke="${ink}" stroke-width="10" fill="none" opacity="0.5"/>
        <path d="M250 -210 L250 -60 L120 60" stroke="${ink}" stroke-width="14" fill="none" stroke-linejoin="round" stroke-linecap="round"/>
        <circle cx="250" cy="-210" r="26" fill="${ink}"/></g>`;
    case "mic":
      return `<g transform="rotate(-12)">
        <rect x="-70" y="-230" width="140" height="200" rx="70" fill="${ink}"/>
        <g stroke="${dark}" stroke-width="5" opacity="0.35">${[-180, -150, -120, -90].map((y) => `<line x1="-66" y1="${y}" x2="66" y2="${y}"/>`).join("")}</g>
        <path d="M-105 -110 L-105 -80 A105 105 0 0 0 105 -80 L105 -110" stroke="${acc}" stroke-width="16" fill="none"/>
        <rect x="-9" y="25" width="18" height="150" fill="${acc}"/><ellipse cx="0" cy="185" rx="100" ry="22" fill="${acc}"/></g>`;
    case "mask":
      return `<g><path d="M-200 -140 Q-110 -170 -20 -140 Q-10 40 -110 90 Q-210 40 -200 -140 Z" fill="${ink}" transform="rotate(-12 -110 -30)"/>
        <g fill="${dark}" transform="rotate(-12 -110 -30)"><path d="M-170 -80 q25 -22 50 0 q-25 12 -50 0 Z"/><path d="M-95 -80 q25 -22 50 0 q-25 12 -50 0 Z"/><path d="M-160 0 q50 45 100 0 q-50 20 -100 0 Z"/></g>
        <path d="M20 -110 Q110 -140 200 -110 Q210 70 110 120 Q10 70 20 -110 Z" fill="${acc}" transform="rotate(12 110 0)"/>
        <g fill="${dark}" transform="rotate(12 110 0)"><path d="M50 -50 q25 22 50 0 q-25 -12 -50 0 Z"/><path d="M125 -50 q25 22 50 0 q-25 -12 -50 0 Z"/><path d="M60 60 q50 -45 100 0 q-50 -20 -100 0 Z"/></g></g>`;
    case "boat":
      return `<g><path d="M-190 80 L190 80 L140 150 L-140 150 Z" fill="${ink}"/>
        <rect x="-6" y="-210" width="12" height="290" fill="${ink}"/>
        <path d="M14 -200 L170 60 L14 60 Z" fill="${acc}"/><path d="M-14 -170 L-150 60 L-14 60 Z" fill="${acc2}"/>
        <path d="M-260 180 q45 -30 90 0 t90 0 t90 0 t90 0 t90 0 t90 0" stroke="${ink}" stroke-width="12" fill="none" stroke-linecap="round"/>
        <path d="M-220 225 q45 -30 90 0 t90 0 t90 0 t90 0 t90 0" stroke="${ink}" stroke-width="10" fill="none" opacity="0.6" stroke-linecap="round"/></g>`;
    case "pot":
      return `<g><ellipse cx="0" cy="175" rx="220" ry="40" fill="${p.shadow}" opacity="0.6"/>
        <ellipse cx="0" cy="160" rx="200" ry="34" fill="${acc}"/>
        <path d="M-70 -170 L70 -170 C70 -120 40 -110 60 -70 C150 0 140 120 70 150 L-70 150 C-140 120 -150 0 -60 -70 C-40 -110 -70 -120 -70 -170 Z" fill="${ink}"/>
        <ellipse cx="0" cy="-170" rx="70" ry="14" fill="${dark}" opacity="0.5"/>
        <path d="M-120 20 Q0 50 120 20" stroke="${acc2}" stroke-width="14" fill="none"/>
        <path d="M-110 70 Q0 100 110 70" stroke="${acc}" stroke-width="8" fill="none"/></g>`;
    case "chef":
      return `<g><circle cx="-80" cy="-70" r="80" fill="${ink}"/><circle cx="80" cy="-70" r="80" fill="${ink}"/><circle cx="0" cy="-120" r="95" fill="${ink}"/>
        <rect x="-110" y="-60" width="220" height="150" fill="${ink}"/>
        <rect x="-115" y="90" width="230" height="50" rx="8" fill="${acc}"/>
        <g stroke="${dark}" stroke-width="6" opacity="0.25"><line x1="-50" y1="-20" x2="-50" y2="85"/><line x1="0" y1="-30" x2="0" y2="85"/><line x1="50" y1="-20" x2="50" y2="85"/></g>
        <g transform="translate(0 200)"><ellipse rx="150" ry="26" fill="${acc2}"/><rect x="140" y="-10" width="130" height="20" rx="10" fill="${acc2}"/></g></g>`;
    case "plate":
      return `<g><circle r="190" fill="${ink}"/><circle r="140" fill="none" stroke="${dark}" stroke-width="4" opacity="0.2"/>
        <circle cx="-45" cy="-30" r="42" fill="${acc}"/><circle cx="50" cy="-40" r="30" fill="${acc2}"/><circle cx="10" cy="55" r="48" fill="${p.light}"/>
        <g fill="${ink}"><rect x="-262" y="-150" width="16" height="300" rx="8"/><rect x="-282" y="-150" width="8" height="80" rx="4"/><rect x="-234" y="-150" width="8" height="80" rx="4"/>
        <path d="M240 -160 q40 60 14 140 L254 150 L238 150 Z"/></g></g>`;
    case "wine":
      return `<g><path d="M-110 -200 L110 -200 C120 -60 80 20 0 30 C-80 20 -120 -60 -110 -200 Z" fill="${ink}" opacity="0.9"/>
        <path d="M-104 -110 L104 -110 C96 -20 60 18 0 22 C-60 18 -96 -20 -104 -110 Z" fill="${acc2}"/>
        <rect x="-10" y="28" width="20" height="150" fill="${ink}"/><ellipse cx="0" cy="185" rx="90" ry="20" fill="${ink}"/>
        <path d="M-80 -180 Q-90 -120 -70 -70" stroke="#ffffff" stroke-width="10" fill="none" opacity="0.5" stroke-linecap="round"/></g>`;
    case "compass": {
      const star = (len: number, w: number, rot: number, fill: string) =>
        `<path d="M0 ${-len} L${w} 0 L0 ${len} L${-w} 0 Z" fill="${fill}" transform="rotate(${rot})"/>`;
      return `<g><circle r="200" fill="none" stroke="${ink}" stroke-width="10"/><circle r="170" fill="none" stroke="${ink}" stroke-width="3" opacity="0.6"/>
        ${star(150, 40, 45, p.light)}${star(150, 40, -45, p.light)}${star(190, 46, 0, ink)}${star(190, 46, 90, ink)}
        <path d="M0 -190 L46 0 L0 0 Z" fill="${acc2}"/><circle r="18" fill="${dark}"/></g>`;
    }
    case "bike":
      return `<g fill="none" stroke="${ink}" stroke-linecap="round" stroke-linejoin="round">
        <circle cx="-140" cy="70" r="100" stroke-width="14"/><circle cx="140" cy="70" r="100" stroke-width="14"/>
        <g stroke-width="3" opacity="0.5">${[0, 30, 60, 90, 120, 150].map((a) => `<line x1="${r1(-140 + Math.cos((a * Math.PI) / 180) * 95)}" y1="${r1(70 + Math.sin((a * Math.PI) / 180) * 95)}" x2="${r1(-140 - Math.cos((a * Math.PI) / 180) * 95)}" y2="${r1(70 - Math.sin((a * Math.PI) / 180) * 95)}"/><line x1="${r1(140 + Math.cos((a * Math.PI) / 180) * 95)}" y1="${r1(70 + Math.sin((a * Math.PI) / 180) * 95)}" x2="${r1(140 - Math.cos((a * Math.PI) / 180) * 95)}" y2="${r1(70 - Math.sin((a * Math.PI) / 180) * 95)}"/>`).join("")}</g>
        <path d="M-140 70 L-30 70 L80 -50 L-60 -50 Z M-30 70 L-80 -90 M80 -50 L140 70 M80 -50 L65 -110" stroke="${acc}" stroke-width="16"/>
        <path d="M-115 -90 L-45 -90 M40 -110 L95 -120" stroke="${ink}" stroke-width="16"/></g>`;
    case "balloons":
      return `<g>${[
        [-110, -70, acc],
        [0, -130, acc2],
        [110, -60, p.light],
      ]
        .map(([x, y, fill]) => `<path d="M${x} ${Number(y) + 95} Q${Number(x) + 30} ${Number(y) + 200} ${Number(x) * 0.2} 220" stroke="${ink}" stroke-width="4" fill="none"/>
          <ellipse cx="${x}" cy="${y}" rx="78" ry="96" fill="${fill}"/><path d="M${Number(x) - 10} ${Number(y) + 104} L${Number(x) + 10} ${Number(y) + 104} L${x} ${Number(y) + 92} Z" fill="${fill}"/>
          <ellipse cx="${Number(x) - 28}" cy="${Number(y) - 40}" rx="14" ry="24" fill="#ffffff" opacity="0.45"/>`)
        .join("")}</g>`;
    case "fireworks": {
      const burst = (cx: number, cy: number, r: number, colour: string) => {
        let out = `<g stroke="${colour}" stroke-width="7" stroke-linecap="round">`;
        for (let a = 0; a < 360; a += 24) {
          const rad = (a * Math.PI) / 180;
          out += `<line x1="${r1(cx + Math.cos(rad) * r * 0.35)}" y1="${r1(cy + Math.sin(rad) * r * 0.35)}" x2="${r1(cx + Math.cos(rad) * r)}" y2="${r1(cy + Math.sin(rad) * r)}"/>`;
          out += `<circle cx="${r1(cx + Math.cos(rad + 0.2) * r * 1.15)}" cy="${r1(cy + Math.sin(rad + 0.2) * r * 1.15)}" r="5" fill="${colour}" stroke="none"/>`;
        }
        return `${out}</g>`;
      };
      return `<g>${burst(-90, -60, 140, ink)}${burst(130, -120, 90, acc)}${burst(110, 110, 80, acc2)}</g>`;
    }
    case "brush":
      return `<g><path d="M-250 140 C-120 40 -20 200 120 80 C180 30 230 60 250 100" stroke="${acc2}" stroke-width="46" fill="none" stroke-linecap="round" opacity="0.9"/>
        <g transform="rotate(40)"><rect x="-18" y="-250" width="36" height="230" rx="16" fill="${ink}"/>
        <rect x="-24" y="-30" width="48" height="60" fill="${acc}"/><path d="M-24 30 Q-30 110 0 150 Q30 110 24 30 Z" fill="${p.shadow}"/></g></g>`;
    case "book":
      return `<g><path d="M0 -120 Q-110 -170 -230 -130 L-230 150 Q-110 110 0 160 Z" fill="${ink}"/>
        <path d="M0 -120 Q110 -170 230 -130 L230 150 Q110 110 0 160 Z" fill="${ink}" opacity="0.88"/>
        <g stroke="${dark}" stroke-width="6" opacity="0.25">${[-80, -40, 0, 40, 80].map((y) => `<path d="M-200 ${y - 20} Q-110 ${y - 50} -30 ${y - 5}"/><path d="M30 ${y - 5} Q110 ${y - 50} 200 ${y - 20}"/>`).join("")}</g>
        <path d="M60 -200 L120 -230 L150 -180 L90 -150 Z" fill="${acc}" opacity="0.9"/><path d="M-150 -220 L-100 -250 L-80 -205 L-130 -180 Z" fill="${acc2}"/></g>`;
    case "bread":
      return `<g><ellipse cx="0" cy="120" rx="250" ry="30" fill="${p.shadow}" opacity="0.5"/>
        <path d="M-250 40 C-250 -90 -120 -130 0 -130 C120 -130 250 -90 250 40 C250 110 150 125 0 125 C-150 125 -250 110 -250 40 Z" fill="#f3d9a8"/>
        <path d="M-250 40 C-250 110 -150 125 0 125 C150 125 250 110 250 40 C200 80 120 92 0 92 C-120 92 -200 80 -250 40 Z" fill="#c98a45"/>
        <g stroke="#a8662c" stroke-width="20" stroke-linecap="round" fill="none">
        <path d="M-170 -10 Q-130 -70 -90 -90"/><path d="M-70 0 Q-30 -70 10 -100"/><path d="M30 0 Q70 -70 110 -95"/><path d="M130 -5 Q160 -45 190 -60"/></g></g>`;
    case "cup":
      return `<g><ellipse cx="0" cy="170" rx="200" ry="36" fill="${acc}"/>
        <path d="M-150 -40 L150 -40 C150 90 90 150 0 150 C-90 150 -150 90 -150 -40 Z" fill="${ink}"/>
        <path d="M140 0 C230 -10 230 100 120 100" stroke="${ink}" stroke-width="24" fill="none"/>
        <ellipse cx="0" cy="-40" rx="150" ry="30" fill="${p.shadow}"/>
        <path d="M0 -20 C-40 -60 -80 -30 -40 -10 L0 10 L40 -10 C80 -30 40 -60 0 -20 Z" fill="${ink}" transform="translate(0 -24) scale(1.2)"/>
        <g stroke="${ink}" stroke-width="10" fill="none" opacity="0.6" stroke-linecap="round"><path d="M-60 -100 q-30 -40 0 -80 q30 -40 0 -80"/><path d="M40 -110 q-30 -40 0 -80"/></g></g>`;
    case "tile": {
      let out = "<g>";
      for (let row = 0; row < 2; row++) {
        for (let col = 0; col < 3; col++) {
          const x = -255 + col * 170;
          const y = -170 + row * 170;
          out += `<g transform="translate(${x + 80} ${y + 80})"><rect x="-80" y="-80" width="160" height="160" fill="${ink}"/>
            <circle r="52" fill="none" stroke="${acc}" stroke-width="12"/>
            <path d="M0 -80 L22 0 L0 80 L-22 0 Z M-80 0 L0 -22 L80 0 L0 22 Z" fill="${dark}" opacity="0.85"/>
            ${[[-80, -80], [80, -80], [80, 80], [-80, 80]].map(([cx, cy]) => `<circle cx="${cx}" cy="${cy}" r="30" fill="${acc2}"/>`).join("")}</g>`;
        }
      }
      return `${out}</g>`;
    }
    case "dance":
      return `<g><circle cx="20" cy="-190" r="38" fill="${ink}"/>
        <path d="M10 -150 L-10 -30 L-40 -30 Z" fill="${ink}"/>
        <path d="M-10 -40 C-200 20 -230 160 -120 200 C-60 150 -20 190 30 150 C80 190 160 170 210 110 C150 60 80 20 -10 -40 Z" fill="${acc2}"/>
        <path d="M-120 200 C-60 150 -20 190 30 150 C80 190 160 170 210 110" stroke="${ink}" stroke-width="10" fill="none"/>
        <path d="M5 -120 Q120 -190 190 -150" stroke="${ink}" stroke-width="14" fill="none" stroke-linecap="round"/>
        <path d="M0 -110 Q-90 -150 -150 -90" stroke="${ink}" stroke-width="14" fill="none" stroke-linecap="round"/></g>`;
    case "lantern":
      return `<g><circle r="220" fill="url(#glow)"/>
        <path d="M-40 -210 A40 40 0 0 1 40 -210" stroke="${ink}" stroke-width="12" fill="none"/>
        <path d="M-90 -160 L90 -160 L70 -200 L-70 -200 Z" fill="${ink}"/>
        <rect x="-80" y="-160" width="160" height="250" fill="${acc2}" opacity="0.85"/>
        <g stroke="${ink}" stroke-width="12"><line x1="-80" y1="-160" x2="-80" y2="90"/><line x1="80" y1="-160" x2="80" y2="90"/><line x1="0" y1="-160" x2="0" y2="90"/></g>
        <path d="M-100 90 L100 90 L80 130 L-80 130 Z" fill="${ink}"/>
        <path d="M0 -60 C30 -20 20 20 0 30 C-20 20 -30 -20 0 -60 Z" fill="#ffffff" opacity="0.9"/></g>`;
    case "camera":
      return `<g><rect x="-220" y="-120" width="440" height="280" rx="36" fill="${ink}"/>
        <rect x="-120" y="-170" width="140" height="60" rx="14" fill="${ink}"/>
        <circle cx="20" cy="20" r="120" fill="${p.shadow}"/><circle cx="20" cy="20" r="88" fill="${acc}"/><circle cx="20" cy="20" r="50" fill="${p.shadow}"/>
        <circle cx="0" cy="0" r="16" fill="#ffffff" opacity="0.7"/>
        <rect x="140" y="-90" width="50" height="30" rx="6" fill="${acc2}"/><circle cx="-170" cy="-80" r="16" fill="${acc2}"/></g>`;
    case "market": {
      let stripes = "";
      for (let i = 0; i < 8; i++) {
        const x = -240 + i * 60;
        stripes += `<rect x="${x}" y="-170" width="60" height="110" fill="${i % 2 ? ink : acc2}"/><path d="M${x} -60 A30 30 0 0 0 ${x + 60} -60 Z" fill="${i % 2 ? ink : acc2}"/>`;
      }
      return `<g><path d="M-260 -170 L260 -170 L230 -220 L-230 -220 Z" fill="${acc}"/>${stripes}
        <rect x="-230" y="-30" width="14" height="220" fill="${ink}"/><rect x="216" y="-30" width="14" height="220" fill="${ink}"/>
        <rect x="-250" y="100" width="500" height="36" fill="${ink}"/>
        <circle cx="-140" cy="70" r="32" fill="${acc}"/><circle cx="-70" cy="75" r="26" fill="${p.light}"/><circle cx="20" cy="66" r="36" fill="${acc2}"/><circle cx="110" cy="74" r="28" fill="${acc}"/><circle cx="170" cy="72" r="30" fill="${p.light}"/></g>`;
    }
    case "puppet":
      return `<g><path d="M-300 -260 Q-210 -40 -240 260 L-300 260 Z" fill="${acc2}"/><path d="M300 -260 Q210 -40 240 260 L300 260 Z" fill="${acc2}"/>
        <path d="M-300 -260 L300 -260 L300 -210 Q0 -170 -300 -210 Z" fill="${acc}"/>
        <path d="M-110 240 L-80 40 L80 40 L110 240 Z" fill="${acc}"/>
        <circle cx="0" cy="-50" r="100" fill="${ink}"/>
        <circle cx="-36" cy="-70" r="14" fill="${dark}"/><circle cx="36" cy="-70" r="14" fill="${dark}"/>
        <path d="M-45 -10 Q0 30 45 -10" stroke="${dark}" stroke-width="10" fill="none" stroke-linecap="round"/>
        <circle cx="-60" cy="-25" r="14" fill="${acc2}" opacity="0.6"/><circle cx="60" cy="-25" r="14" fill="${acc2}" opacity="0.6"/>
        <path d="M-100 -100 L-60 -190 L-20 -140 L20 -200 L40 -130 L100 -160 L90 -90 Z" fill="${acc}"/></g>`;
    case "film":
      return `<g><path d="M40 80 C160 120 240 220 320 160" stroke="${p.shadow}" stroke-width="90" fill="none"/>
        <path d="M40 80 C160 120 240 220 320 160" stroke="${ink}" stroke-width="8" fill="none" stroke-dasharray="18 16" opacity="0.6"/>
        <circle cx="-40" cy="-20" r="180" fill="${ink}"/>
        ${[0, 72, 144, 216, 288].map((a) => `<circle cx="${r1(-40 + Math.cos((a * Math.PI) / 180) * 105)}" cy="${r1(-20 + Math.sin((a * Math.PI) / 180) * 105)}" r="46" fill="${dark}"/>`).join("")}
        <circle cx="-40" cy="-20" r="26" fill="${acc2}"/></g>`;
    case "tart": {
      let crimp = "";
      for (let a = 0; a < 360; a += 15) {
        const rad = (a * Math.PI) / 180;
        crimp += `<circle cx="${r1(Math.cos(rad) * 180)}" cy="${r1(Math.sin(rad) * 180)}" r="30" fill="#d99a4e"/>`;
      }
      return `<g><ellipse cx="0" cy="30" rx="230" ry="215" fill="${p.shadow}" opacity="0.45"/>${crimp}
        <circle r="180" fill="#e9b872"/><circle r="150" fill="#ffd77a"/>
        <g fill="#6b3a1e" opacity="0.85"><ellipse cx="-50" cy="-40" rx="38" ry="26"/><ellipse cx="55" cy="-60" rx="26" ry="18"/><ellipse cx="30" cy="40" rx="44" ry="30"/><ellipse cx="-70" cy="60" rx="22" ry="15"/><ellipse cx="90" cy="20" rx="16" ry="12"/></g>
        <g fill="#3f2110" opacity="0.7"><ellipse cx="-45" cy="-42" rx="18" ry="12"/><ellipse cx="35" cy="38" rx="20" ry="14"/></g></g>`;
    }
    case "tram":
      return `<g><line x1="-300" y1="170" x2="300" y2="170" stroke="${ink}" stroke-width="10"/><line x1="-300" y1="195" x2="300" y2="195" stroke="${ink}" stroke-width="6" opacity="0.6"/>
        <path d="M0 -160 L-60 -215 L60 -228" stroke="${ink}" stroke-width="8" fill="none" stroke-linecap="round" stroke-linejoin="round"/>
        <rect x="-260" y="-160" width="520" height="40" rx="20" fill="#f7f2e4"/>
        <rect x="-250" y="-130" width="500" height="270" rx="40" fill="#f2c230"/>
        <rect x="-250" y="70" width="500" height="30" fill="${p.deep}" opacity="0.35"/>
        <g fill="${p.shadow}" opacity="0.85">${[-205, -125, -45, 35, 115].map((x) => `<rect x="${x}" y="-95" width="60" height="80" rx="10"/>`).join("")}</g>
        <rect x="185" y="-95" width="45" height="180" rx="10" fill="${p.shadow}" opacity="0.85"/>
        <g fill="${p.shadow}"><circle cx="-150" cy="150" r="30"/><circle cx="150" cy="150" r="30"/></g>
        <g fill="${ink}"><circle cx="-150" cy="150" r="10"/><circle cx="150" cy="150" r="10"/></g></g>`;
    case "moon":
      return `<g><circle r="220" fill="url(#glow)"/><circle r="175" fill="${ink}"/>
        <g fill="${dark}" opacity="0.12"><circle cx="-60" cy="-60" r="30"/><circle cx="70" cy="-20" r="22"/><circle cx="-20" cy="70" r="40"/></g>
        <g fill="${p.shadow}">
          <path d="M-150 170 C-150 80 -80 30 20 40 C90 46 120 90 120 170 Z"/>
          <path d="M60 60 L110 -30 L135 -95 L160 -40 L185 -100 L200 -25 L280 15 L270 30 L200 45 L140 70 Z"/>
          <path d="M-150 160 C-260 150 -290 60 -230 10 C-240 80 -190 120 -120 120 Z"/>
        </g>
        <path d="M-230 10 C-250 40 -245 70 -225 90" stroke="${ink}" stroke-width="10" fill="none" opacity="0.8"/>
        <line x1="-300" y1="175" x2="300" y2="175" stroke="${ink}" stroke-width="8" stroke-linecap="round"/></g>`;
    case "circus":
      return `<g><path d="M0 -200 L230 100 L-230 100 Z" fill="${ink}"/>
        <path d="M0 -200 L-60 100 L-130 100 Z M0 -200 L60 100 L130 100 Z" fill="${acc2}"/>
        <rect x="-230" y="100" width="460" height="110" fill="${ink}"/>
        <path d="M-230 100 L230 100 L230 130 Q0 150 -230 130 Z" fill="${acc}"/>
        <path d="M-50 210 L-50 150 Q0 110 50 150 L50 210 Z" fill="${p.shadow}"/>
        <line x1="0" y1="-200" x2="0" y2="-260" stroke="${ink}" stroke-width="6"/><path d="M0 -260 L60 -245 L0 -230 Z" fill="${acc}"/>
        <circle cx="-230" cy="-150" r="26" fill="${acc}"/><circle cx="-160" cy="-220" r="22" fill="${p.light}"/><circle cx="220" cy="-170" r="26" fill="${acc2}"/></g>`;
  }
}

// --- composition ----------------------------------------------------------------------

function illustration(slug: string, category: DemoCategory, kind: Motif): string {
  const rand = prng(hash(slug));
  const p = paletteFor(category, rand);
  const angle = Math.round(rand() * 360);
  const first = DECORS[Math.floor(rand() * DECORS.length)] ?? "blobs";
  const second = DECORS[(DECORS.indexOf(first) + 1 + Math.floor(rand() * (DECORS.length - 1))) % DECORS.length] ?? "dots";
  const mx = Math.round(WIDTH * (0.5 + (rand() - 0.5) * 0.3));
  const my = Math.round(HEIGHT * 0.5 + (rand() - 0.5) * 60);
  const scale = r1(1.25 + rand() * 0.15);
  const tilt = Math.round((rand() - 0.5) * 10);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">
  <defs>
    <linearGradient id="bg" gradientTransform="rotate(${angle} 0.5 0.5)">
      <stop offset="0" stop-color="${p.deep}"/><stop offset="0.55" stop-color="${p.mid}"/><stop offset="1" stop-color="${p.light}"/>
    </linearGradient>
    <radialGradient id="halo"><stop offset="0" stop-color="${p.accent}" stop-opacity="0.55"/><stop offset="1" stop-color="${p.accent}" stop-opacity="0"/></radialGradient>
    <radialGradient id="glow"><stop offset="0" stop-color="#fff3c4" stop-opacity="0.8"/><stop offset="1" stop-color="#fff3c4" stop-opacity="0"/></radialGradient>
    <radialGradient id="vignette" cx="0.5" cy="0.5" r="0.75"><stop offset="0.6" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.35"/></radialGradient>
    <filter id="soft" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="30"/></filter>
    <filter id="shadow" x="-30%" y="-30%" width="160%" height="160%"><feDropShadow dx="0" dy="18" stdDeviation="16" flood-color="#000" flood-opacity="0.35"/></filter>
  </defs>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#bg)"/>
  ${decor(first, p, rand)}
  ${decor(second, p, rand)}
  <circle cx="${mx}" cy="${my}" r="380" fill="url(#halo)"/>
  <g transform="translate(${mx} ${my}) rotate(${tilt}) scale(${scale})" filter="url(#shadow)">${motif(kind, p)}</g>
  <rect width="${WIDTH}" height="${HEIGHT}" fill="url(#vignette)"/>
</svg>`;
}

async function main() {
  const only = new Set(process.argv.slice(2));
  const images = DEMO_EVENT_IMAGES.filter((image) => only.size === 0 || only.has(image.slug));
  if (only.size > 0 && images.length !== only.size) throw new Error(`Unknown slug among: ${[...only].join(", ")}`);
  let total = 0;
  let oversized = 0;
  for (const image of images) {
    const file = path.join(PUBLIC_DIR, image.imagePath);
    mkdirSync(path.dirname(file), { recursive: true });
    const svg = illustration(image.slug, image.category, image.motif);
    await sharp(Buffer.from(svg)).webp({ quality: 78, effort: 6, smartSubsample: true }).toFile(file);
    const size = statSync(file).size;
    total += size;
    if (size > MAX_BYTES) oversized++;
    console.log(`${size > MAX_BYTES ? "TOO BIG " : ""}${(size / 1024).toFixed(1).padStart(6)} KB  ${image.imagePath}`);
  }
  console.log(`${images.length} images, ${(total / 1024).toFixed(0)} KB in total${oversized ? `, ${oversized} over ${MAX_BYTES / 1024} KB` : ""}`);
  if (oversized) process.exitCode = 1;
}

await main();
