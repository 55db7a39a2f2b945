// The source register, in the appendix: every source of the review by name, with its reliability
// grade (Admiralty A–F) and the items it supplied, each with its claims and credibility grade.
import { shorten } from '../../core/brief/shorten';
import type { Brief, BriefRegisterEntry, BriefSourceItem } from '../../core/brief/types';
import { COLOR, PAGE, STYLE } from './brief-style';
import { list, listItem } from './draw-parts';
import { sourceLine } from './draw-claim-sections';
import type { PageFlow } from './page-flow';

const INDENT = 16;
const ITEM_INDENT = 14;
/** Longest quote of an item in the register (the claim sections quote it in full). */
const QUOTE_LENGTH = 180;
const itemStyle = { ...STYLE.meta, font: 'sansBold' as const };

/** Draws the register's entries (the caller draws its heading). */
export async function drawSourceRegister(flow: PageFlow, brief: Brief): Promise<void> {
  flow.paragraph(
    'Every source named in the review, with its reliability (A completely reliable to E unreliable; F cannot be judged) and each item it supplied, with the credibility of the item where graded (1 confirmed by other sources to 5 improbable; 6 cannot be judged).',
    STYLE.meta,
  );
  if (brief.sourceRegister.length === 0) {
    flow.space(6);
    flow.paragraph('No evidence or claim is attributed to a source.', STYLE.body);
    return;
  }
  for (const [i, entry] of brief.sourceRegister.entries()) {
    drawEntry(flow, entry);
    if (i % 20 === 19) await flow.pause();
  }
}

function drawEntry(flow: PageFlow, entry: BriefRegisterEntry): void {
  flow.space(10);
  const grade = entry.reliability
    ? `reliability ${entry.reliability.grade}, ${entry.reliability.label}`
    : 'reliability not graded';
  const items = `${entry.items.length} item${entry.items.length === 1 ? '' : 's'}`;
  const aliases = entry.aliases.length > 0 ? ` · also named ${entry.aliases.join('; ')}` : '';
  flow.paragraph(entry.name, STYLE.h3, { tag: 'H3', keep: 2 * STYLE.meta.leading });
  flow.paragraph(`${grade} · ${items}${aliases}`, STYLE.meta);
  if (entry.items.length === 0) {
    flow.paragraph('It supplied no item.', STYLE.meta, { x: PAGE.left + INDENT });
    return;
  }
  flow.space(2);
  const labelStyle = { ...STYLE.meta, font: 'sansBold' as const, color: COLOR.accent };
  list(flow, entry.items, (item) => {
    const first = STYLE.meta.leading + 2 * STYLE.cell.leading;
    listItem(
      flow,
      '•',
      { x: PAGE.left + INDENT, indent: ITEM_INDENT, labelStyle, bodyStyle: itemStyle, first },
      (x) => drawItem(flow, item, x),
    );
    flow.space(3);
  });
}

function drawItem(flow: PageFlow, item: BriefSourceItem, x: number): void {
  const claims =
    item.kind === 'claim'
      ? `Claim ${item.claimNumbers.join(', ')}`
      : `${capitalise(item.kind)}${item.claimNumbers.length > 0 ? ` of ${claimsWord(item.claimNumbers)}` : ', linked to no claim'}`;
  const credibility = item.credibility
    ? ` · credibility ${item.credibility.grade}, ${item.credibility.label}`
    : '';
  flow.paragraph(`${claims} · ${sourceLine(item.source)}${credibility}`, itemStyle, {
    x,
    keep: STYLE.cell.leading,
  });
  flow.paragraph(`“${shorten(item.quote, QUOTE_LENGTH)}”`, { ...STYLE.cell, font: 'serif' }, { x });
}

function claimsWord(numbers: readonly number[]): string {
  if (numbers.length === 1) return `claim ${numbers[0]}`;
  return `claims ${numbers.slice(0, -1).join(', ')} and ${numbers.at(-1)}`;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
