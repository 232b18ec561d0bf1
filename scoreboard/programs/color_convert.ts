// features: type-aliases, tuples, floats, math, string-methods, template-literals, array-methods, arrows, nullable, destructuring, spread, for-of, object-literals
type RGB = [number, number, number];
type HSL = { h: number; s: number; l: number };

function parseHex(hex: string): RGB | null {
  const m = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(hex);
  if (!m) return null;
  let s = m[1];
  if (s.length === 3) s = s.split("").map((c) => c + c).join("");
  return [0, 2, 4].map((i) => parseInt(s.slice(i, i + 2), 16)) as RGB;
}

const toHex = ([r, g, b]: RGB): string => "#" + [r, g, b].map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");

function rgbToHsl([r, g, b]: RGB): HSL {
  const [rr, gg, bb] = [r / 255, g / 255, b / 255];
  const max = Math.max(rr, gg, bb);
  const min = Math.min(rr, gg, bb);
  const l = (max + min) / 2;
  if (max === min) return { h: 0, s: 0, l };
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h = max === rr ? (gg - bb) / d + (gg < bb ? 6 : 0) : max === gg ? (bb - rr) / d + 2 : (rr - gg) / d + 4;
  h *= 60;
  return { h, s, l };
}

function hslToRgb({ h, s, l }: HSL): RGB {
  const c = (1 - Math.abs(2 * l - 1)) * s;
  const x = c * (1 - Math.abs(((h / 60) % 2) - 1));
  const m = l - c / 2;
  const [r, g, b] = h < 60 ? [c, x, 0] : h < 120 ? [x, c, 0] : h < 180 ? [0, c, x] : h < 240 ? [0, x, c] : h < 300 ? [x, 0, c] : [c, 0, x];
  return [(r + m) * 255, (g + m) * 255, (b + m) * 255];
}

function luminance([r, g, b]: RGB): number {
  const f = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}

function contrast(a: RGB, b: RGB): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

for (const hex of ["#ff0000", "#00ff00", "#0000ff", "#808080", "#3a7bd5", "fc0", "#123456", "#zzzzzz", "#ffffff"]) {
  const rgb = parseHex(hex);
  if (!rgb) {
    console.log(`${hex}: invalid`);
    continue;
  }
  const hsl = rgbToHsl(rgb);
  const back = toHex(hslToRgb(hsl));
  console.log(`${hex.padEnd(8)} rgb(${rgb.join(",")}) hsl(${hsl.h.toFixed(1)}, ${(hsl.s * 100).toFixed(1)}%, ${(hsl.l * 100).toFixed(1)}%) -> ${back} contrast/white ${contrast(rgb, [255, 255, 255]).toFixed(2)}`);
}
const base = rgbToHsl(parseHex("#3a7bd5")!);
const palette = [0, 30, 60, 180, 210].map((dh) => toHex(hslToRgb({ ...base, h: (base.h + dh) % 360 })));
console.log(`palette: ${palette.join(" ")}`);
const ramp = [0.1, 0.3, 0.5, 0.7, 0.9].map((l) => toHex(hslToRgb({ ...base, l })));
console.log(`ramp: ${ramp.join(" ")}`);
