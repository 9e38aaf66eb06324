import { encodePng } from './png';

/**
 * The Stagecoach icons: a coach wheel. Teams wants a 192×192 colour icon and a 32×32 outline
 * icon that is white on a transparent background. Drawn with 4×4 supersampling for soft edges.
 */
type Wheel = { radius: number; rim: number; hub: number; spokes: number; spokeWidth: number };

const ACCENT = [0x1b, 0x7f, 0x79] as const; // #1B7F79, also the manifest accentColor
const WHITE = [0xff, 0xff, 0xff] as const;
const SAMPLES = 4;

export function renderColorIcon(): Buffer {
  return renderIcon(192, { radius: 62, rim: 12, hub: 15, spokes: 8, spokeWidth: 8 }, ACCENT);
}

export function renderOutlineIcon(): Buffer {
  return renderIcon(32, { radius: 14.5, rim: 2.5, hub: 3.5, spokes: 6, spokeWidth: 1.8 }, null);
}

function renderIcon(
  size: number,
  wheel: Wheel,
  background: readonly [number, number, number] | null,
): Buffer {
  const pixels = new Uint8Array(size * size * 4);
  const centre = size / 2;
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const px = x + (sx + 0.5) / SAMPLES - centre;
          const py = y + (sy + 0.5) / SAMPLES - centre;
          if (insideWheel(px, py, wheel)) covered += 1;
        }
      }
      const coverage = covered / (SAMPLES * SAMPLES);
      const offset = (y * size + x) * 4;
      if (background) {
        for (let channel = 0; channel < 3; channel += 1) {
          pixels[offset + channel] = Math.round(
            WHITE[channel]! * coverage + background[channel]! * (1 - coverage),
          );
        }
        pixels[offset + 3] = 0xff;
      } else {
        pixels.set(WHITE, offset);
        pixels[offset + 3] = Math.round(0xff * coverage);
      }
    }
  }
  return encodePng({ width: size, height: size, pixels });
}

function insideWheel(x: number, y: number, wheel: Wheel): boolean {
  const distance = Math.hypot(x, y);
  if (distance > wheel.radius) return false;
  if (distance >= wheel.radius - wheel.rim || distance <= wheel.hub) return true;
  // Spokes come in pairs: each is a line through the centre.
  for (let index = 0; index < wheel.spokes / 2; index += 1) {
    const angle = (Math.PI * index) / (wheel.spokes / 2);
    const across = Math.abs(x * Math.sin(angle) - y * Math.cos(angle));
    if (across <= wheel.spokeWidth / 2) return true;
  }
  return false;
}
