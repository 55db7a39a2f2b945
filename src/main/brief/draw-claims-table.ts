// "Claims at a glance": one row per claim (number, claim, who makes it and where, the status of
// its source and of its content in independent origins, page), each row a link to the claim's
// section; the header row repeats on every page the table spans. Right-to-left text is set
// against the right edge of its cell.
import { originCount } from '../../core/brief/facet-words';
import { shorten } from '../../core/brief/shorten';
import type { Brief, BriefClaim, BriefFacet } from '../../core/brief/types';
import { textDirection } from '../../core/text/direction';
import { COLOR, PAGE, STATUS_LOOK, STYLE, TEXT_WIDTH, type TextStyle } from './brief-style';
import { heading } from './draw-parts';
import { structOptions, type PageFlow } from './page-flow';

interface Column {
  label: string;
  width: number;
  align: 'left' | 'right';
}

const COLUMNS: Column[] = [
  { label: 'No.', width: 26, align: 'left' },
  { label: 'Claim', width: 0, align: 'left' },
  { label: 'Said by, where', width: 90, align: 'left' },
  { label: 'Source', width: 88, align: 'left' },
  { label: 'Content', width: 88, align: 'left' },
  { label: 'Page', width: 30, align: 'right' },
];
// The claim column takes what the others leave.
(COLUMNS[1] as Column).width = TEXT_WIDTH - COLUMNS.reduce((sum, c) => sum + c.width, 0);

const PAD_X = 4;
const PAD_Y = 4;
/** Rows between pauses that let the output drain. */
const ROWS_PER_PAUSE = 40;

/** Where the text of column `index` of the claims table may run: its left and right edges. */
export function claimsTableTextEdges(index: number): { left: number; right: number } {
  const left = PAGE.left + COLUMNS.slice(0, index).reduce((sum, c) => sum + c.width, 0);
  return { left: left + PAD_X, right: left + (COLUMNS[index]?.width ?? 0) - PAD_X };
}

/** The destination name of claim `number`'s section. */
export function claimDestination(number: number): string {
  return `claim-${number}`;
}

/** Draws the claims table on a new page; `claimPages[i]` is claim i+1's page, when known. */
export async function drawClaimsTable(
  flow: PageFlow,
  brief: Brief,
  claimPages: readonly number[] | undefined,
): Promise<void> {
  flow.newPage();
  flow.canvas.begin('Sect');
  heading(flow, 'Claims at a glance', 'claims-table');
  const legend =
    CLAIM_LEGEND +
    ' Source: is the claim’s source (document, letter, quote or speaker) authentic? Content: is what it asserts true? The numbers count independent origins (for–against when contested), not tags; each row links to its claim.';
  flow.paragraph(legend, STYLE.meta);
  flow.space(10);
  if (brief.claims.length === 0) {
    flow.paragraph('No sentence has been tagged as a claim.', STYLE.body);
    flow.canvas.end();
    return;
  }
  flow.canvas.begin('Table');
  headerRow(flow);
  for (const claim of brief.claims) {
    row(flow, claim, claimPages?.[claim.number - 1]);
    if (claim.number % ROWS_PER_PAUSE === 0) await flow.pause();
  }
  flow.canvas.end();
  flow.canvas.end();
}

/** What the status symbols mean, in one line. */
const CLAIM_LEGEND =
  '◐ contested: independent evidence both ways · ○ contradicted · ● confirmed · ◌ unverified: no independent evidence.';

/** The header row: in the structure tree once, an artifact where it repeats on a new page. */
function headerRow(flow: PageFlow, repeated = false): void {
  const { canvas } = flow;
  const height = STYLE.cellHead.leading + 2 * PAD_Y;
  flow.ensure(height + STYLE.cell.leading + 2 * PAD_Y);
  const draw = () => {
    let x = PAGE.left;
    canvas.begin('TR');
    for (const column of COLUMNS) {
      canvas.begin('TH', { scope: 'Column' });
      cellLine(flow, column.label, x, column.width, column.align, flow.y + PAD_Y, STYLE.cellHead);
      canvas.end();
      x += column.width;
    }
    canvas.end();
  };
  if (repeated) canvas.artifact(draw);
  else draw();
  flow.y += height;
  flow.canvas.line(PAGE.left, flow.y, PAGE.right, flow.y, COLOR.text, 0.8);
}

function row(flow: PageFlow, claim: BriefClaim, page: number | undefined): void {
  const { source: sourceFacet, content, saidBy } = claim.analysis;
  const number = { ...STYLE.cell, font: 'sansBold' as const, color: COLOR.accent };
  const where = claim.source.sentence
    ? `${shorten(claim.source.documentTitle, 80)}, sentence ${claim.source.sentence}`
    : shorten(claim.source.documentTitle, 80);
  const status = (facet: BriefFacet): [string, TextStyle] => {
    const look = STATUS_LOOK[facet.status];
    const count = originCount(facet);
    return [
      `${look.symbol} ${look.label}${count ? ` (${count})` : ''}`,
      { ...STYLE.cell, color: look.color },
    ];
  };
  const cells: [string, TextStyle][] = [
    [String(claim.number), number],
    [claim.excerpt, STYLE.cell],
    [saidBy ? `${saidBy.name}; ${where}` : where, { ...STYLE.cell, color: COLOR.muted }],
    status(sourceFacet),
    status(content),
    [page === undefined ? '' : String(page), { ...STYLE.cell, color: COLOR.muted }],
  ];
  const wrapped = cells.map(([text, style], i) =>
    flow.wrap(text, style, (COLUMNS[i] as Column).width - 2 * PAD_X),
  );
  const height = Math.max(...wrapped.map((l) => l.length)) * STYLE.cell.leading + 2 * PAD_Y;
  if (flow.y + height > PAGE.bottom) {
    flow.newPage();
    headerRow(flow, true);
  }
  const top = flow.y;
  let x = PAGE.left;
  flow.canvas.begin('TR');
  wrapped.forEach((lines, i) => {
    const column = COLUMNS[i] as Column;
    const [text, style] = cells[i] as [string, TextStyle];
    flow.canvas.begin('TD', structOptions(text));
    // The row is one link to the claim's section; its Link element holds the claim's number.
    if (i === 0) flow.canvas.begin('Link');
    const align = column.align === 'left' && textDirection(text) === 'rtl' ? 'right' : column.align;
    lines.forEach((line, n) =>
      cellLine(flow, line, x, column.width, align, top + PAD_Y + n * STYLE.cell.leading, style),
    );
    if (i === 0) {
      flow.canvas.link(
        PAGE.left,
        top,
        TEXT_WIDTH,
        height,
        claimDestination(claim.number),
        `Claim ${claim.number}: go to its section`,
      );
      flow.canvas.end();
    }
    flow.canvas.end();
    x += column.width;
  });
  flow.canvas.end();
  flow.y = top + height;
  flow.canvas.line(PAGE.left, flow.y, PAGE.right, flow.y, COLOR.rule);
}

function cellLine(
  flow: PageFlow,
  text: string,
  x: number,
  width: number,
  align: 'left' | 'right',
  y: number,
  style: TextStyle,
): void {
  const left = align === 'right' ? x + width - PAD_X - flow.measure(text, style) : x + PAD_X;
  flow.canvas.text(text, left, y, style);
}
