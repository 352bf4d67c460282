/**
 * How colours look to readers without full colour vision: Machado, Oliveira
 * and Fernandes' (2009) simulation of deuteranopia and protanopia (severity
 * 1.0, on linear RGB), and greyscale by luminance. Differences are CIE76 ΔE
 * in CIELAB (D65), lightness as CIE L*.
 */
type Rgb = [number, number, number];
type Matrix = [Rgb, Rgb, Rgb];

const DEUTERANOPIA: Matrix = [
  [0.367322, 0.860646, -0.227968],
  [0.280085, 0.672501, 0.047413],
  [-0.01182, 0.04294, 0.968881],
];
const PROTANOPIA: Matrix = [
  [0.152286, 1.052583, -0.204868],
  [0.114503, 0.786281, 0.099216],
  [-0.003882, -0.048116, 1.051998],
];

export type Vision = 'normal' | 'deuteranopia' | 'protanopia' | 'greyscale';

function linear(hex: string): Rgb {
  return [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));

function luminance([r, g, b]: Rgb): number {
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function seen(hex: string, vision: Vision): Rgb {
  const rgb = linear(hex);
  switch (vision) {
    case 'normal':
      return rgb;
    case 'greyscale': {
      const y = luminance(rgb);
      return [y, y, y];
    }
    default: {
      const m = vision === 'deuteranopia' ? DEUTERANOPIA : PROTANOPIA;
      return m.map((row) => clamp(row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2])) as Rgb;
    }
  }
}

function lab(rgb: Rgb): Rgb {
  const [r, g, b] = rgb;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(luminance(rgb));
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** CIE76 ΔE between two "#RRGGBB" colours as a reader with that vision sees them. */
export function deltaE(a: string, b: string, vision: Vision): number {
  const [p, q] = [lab(seen(a, vision)), lab(seen(b, vision))];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** CIE L* (0 black – 100 white). */
export function lightness(hex: string): number {
  return lab(linear(hex))[0];
}

/** WCAG contrast ratio of black text on the colour. */
export function blackTextContrast(hex: string): number {
  return (luminance(linear(hex)) + 0.05) / 0.05;
}
