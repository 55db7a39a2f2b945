// The brief's look in one place: page geometry, fonts, type styles and how each status shows.
import { join } from 'node:path';
import type { ClaimStatus } from '../../core/review/claim-status';

/** Font files the brief embeds, by role. */
export interface BriefFonts {
  sans: string;
  sansBold: string;
  sansOblique: string;
  serif: string;
}

/** The font files in `fontsDir` (resources/fonts in the app). */
export function briefFonts(fontsDir: string): BriefFonts {
  return {
    sans: join(fontsDir, 'DejaVuSans.ttf'),
    sansBold: join(fontsDir, 'DejaVuSans-Bold.ttf'),
    sansOblique: join(fontsDir, 'DejaVuSans-Oblique.ttf'),
    serif: join(fontsDir, 'DejaVuSerif.ttf'),
  };
}

/** A font role, a size, the distance from line to line and a colour. */
export interface TextStyle {
  font: keyof BriefFonts;
  size: number;
  leading: number;
  color: string;
}

/** A4 in points, with room above and below the text for the running header and the footer. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  top: 80,
  bottom: 770,
  left: 66,
  right: 529.28,
  headerY: 42,
  footerY: 796,
} as const;

/** Width of the text column. */
export const TEXT_WIDTH = PAGE.right - PAGE.left;

/** The palette: near-black text, one accent for structure, quiet greys for the secondary. */
export const COLOR = {
  text: '#1b1f24',
  muted: '#5c6470',
  faint: '#8a919c',
  rule: '#c9ced6',
  shade: '#f2f4f7',
  accent: '#1f3a5f',
} as const;

const style = (font: TextStyle['font'], size: number, leading: number, color: string) => ({
  font,
  size,
  leading,
  color,
});

/** Every type style the brief uses. */
export const STYLE = {
  kicker: style('sansBold', 8.5, 12, COLOR.muted),
  title: style('sansBold', 22, 28, COLOR.accent),
  subtitle: style('sans', 10, 15, COLOR.muted),
  h1: style('sansBold', 15, 22, COLOR.accent),
  h2: style('sansBold', 12, 17, COLOR.text),
  h3: style('sansBold', 10, 15, COLOR.text),
  body: style('sans', 10, 15, COLOR.text),
  lead: style('sans', 11, 17, COLOR.text),
  quote: style('serif', 10.5, 15.5, COLOR.text),
  note: style('sansOblique', 9.5, 14, COLOR.text),
  meta: style('sans', 8.5, 12.5, COLOR.muted),
  id: style('sans', 7.5, 11, COLOR.muted),
  cell: style('sans', 8.5, 11.5, COLOR.text),
  cellHead: style('sansBold', 8, 11, COLOR.muted),
  running: style('sans', 8, 10, COLOR.faint),
} satisfies Record<string, TextStyle>;

/**
 * How a status shows: a symbol and a word always, colour only as a third cue. The symbols are the
 * workspace's (src/renderer/src/lib/labels.ts), so the brief reads like the claims panel.
 */
export const STATUS_LOOK: Record<ClaimStatus, { symbol: string; label: string; color: string }> = {
  contested: { symbol: '◐', label: 'Contested', color: '#8a5a00' },
  contradicted: { symbol: '○', label: 'Contradicted', color: '#a1261d' },
  confirmed: { symbol: '●', label: 'Confirmed', color: '#1d6b35' },
  unverified: { symbol: '◌', label: 'Unverified', color: '#5c6470' },
};

/** Evidence headings and the colour of their quote bars. */
export const EVIDENCE_LOOK = {
  confirmation: { symbol: '✓', one: 'confirmation', many: 'confirmations', color: '#1d6b35' },
  contradiction: { symbol: '✗', one: 'contradiction', many: 'contradictions', color: '#a1261d' },
} as const;
