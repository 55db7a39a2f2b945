// Child process of bench/brief.ts: renders one brief JSON file as a PDF, either with the brief
// renderer or as the baseline (the same text written by bare pdfkit calls, no layout of ours),
// and prints its time and peak memory as one line of JSON. Run: node --import tsx brief-child.ts
// brief|bare BRIEF.json OUT.pdf FONTS_DIR
import { createWriteStream, readFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import type { Brief } from '../src/core/brief/types';
import { briefFonts } from '../src/main/brief/brief-style';
import { renderBriefPdf } from '../src/main/brief/render-brief-pdf';

/** What the child reports. */
export interface ChildReport {
  ms: number;
  /** Peak resident set size over the child's life, in kilobytes. */
  maxRssKb: number;
  /** Peak before rendering began (Node, tsx, the brief parsed), in kilobytes. */
  rssBeforeKb: number;
}

/** The brief's text in reading order, written with pdfkit's own flowing text and nothing else. */
async function bare(brief: Brief, path: string, fontsDir: string): Promise<void> {
  const fonts = briefFonts(fontsDir);
  const doc = new PDFDocument({ size: 'A4', margin: 66, font: fonts.sans });
  const output = createWriteStream(path);
  doc.pipe(output);
  const say = (text: string, font: string, size = 10) => doc.font(font, size).text(text);
  say(brief.title.reviewName, fonts.sansBold, 22);
  for (const sentence of brief.bottomLine.sentences) say(sentence, fonts.sans, 11);
  for (const document of brief.title.documents) say(`${document.title} ${document.id}`, fonts.sans);
  for (const claim of brief.claims) {
    const source = `${claim.source.documentTitle}, sentence ${claim.source.sentence}`;
    say(`${claim.number} ${claim.excerpt} ${source} ${claim.status}`, fonts.sans, 8.5);
  }
  for (const claim of brief.claims) {
    say(`Claim ${claim.number} ${claim.status}`, fonts.sansBold, 12);
    say(`“${claim.quote}”`, fonts.serif, 10.5);
    say(`${claim.source.documentTitle}, sentence ${claim.source.sentence}`, fonts.sans, 8.5);
    if (claim.note) say(claim.note, fonts.sansOblique, 9.5);
    for (const evidence of [...claim.confirmations, ...claim.contradictions]) {
      say(`“${evidence.quote}”`, fonts.serif, 10.5);
      say(
        `${evidence.source.documentTitle}, sentence ${evidence.source.sentence}`,
        fonts.sans,
        8.5,
      );
      if (evidence.note) say(evidence.note, fonts.sansOblique, 9.5);
    }
  }
  for (const document of brief.appendix.documents) {
    say(`${document.title} ${document.fileName} ${document.id} ${document.imported}`, fonts.sans);
  }
  doc.end();
  await finished(output);
}

const [mode, briefPath, outPath, fontsDir] = process.argv.slice(2);
if (!briefPath || !outPath || !fontsDir || (mode !== 'brief' && mode !== 'bare')) {
  throw new Error('usage: brief-child.ts brief|bare BRIEF.json OUT.pdf FONTS_DIR');
}
const brief = JSON.parse(readFileSync(briefPath, 'utf8')) as Brief;
const rssBeforeKb = process.resourceUsage().maxRSS;
const started = performance.now();
if (mode === 'brief') await renderBriefPdf(brief, createWriteStream(outPath), { fontsDir });
else await bare(brief, outPath, fontsDir);
const report: ChildReport = {
  ms: performance.now() - started,
  maxRssKb: process.resourceUsage().maxRSS,
  rssBeforeKb,
};
process.stdout.write(JSON.stringify(report) + '\n');
