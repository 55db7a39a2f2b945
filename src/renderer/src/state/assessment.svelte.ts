// What the evidence speaks to, who says it and the reviewer's verdict, as the workspace shows and
// edits them: the review's analysis (src/core), the keys S, A, V and G, document details and the
// reviewer's name. Key steps run in the tag actions' queue, so "2, s" links before it toggles.
import {
  analyseReview,
  type ClaimAnalysis,
  type ReviewAnalysis,
} from '../../../core/analysis/claim-analysis';
import { facetOf } from '../../../core/analysis/facets';
import type {
  Credibility,
  DocumentMetadata,
  Facet,
  Reliability,
} from '../../../core/review/assessment';
import type { Problem, Result } from '../../../core/result';
import type { JudgementInput } from '../../../core/analysis/judgement';
import type { Tag } from '../../../core/review/types';
import type { ReviewerSettings } from '../../../shared/review-api';
import { afterNextPaint } from '../lib/after-paint';
import { AnalysisRunner, type AnalysisPort } from './analysis-runner';
import type { TagActions } from './tag-actions';
import type { Workspace } from './workspace.svelte';

const EMPTY_ANALYSIS: ReviewAnalysis = { claims: [], origins: [], originOf: new Map() };

/** The keys this module answers. */
export type AssessmentKey =
  { type: 'facet' } | { type: 'attribute' } | { type: 'judge' } | { type: 'grade' };

/** What the grade dialog changes: absent stays as it is, null clears the grade. */
export interface GradeChange {
  credibility?: Credibility | null;
  reliability?: Reliability | null;
}

/** Which of evidence's links a key acts on: one claim's, or a choice among several. */
export type LinkToAct = { claimId: string } | { choose: string[] };

/**
 * Which of evidence's links a key acts on: the pinned claim's when it is one of them, else the
 * only one, else a choice among them. Undefined when the evidence is linked to nothing.
 */
export function linkToAct(evidence: Tag, pinnedClaimId: string | undefined): LinkToAct | undefined {
  const links = [...new Set(evidence.claimIds ?? [])];
  if (pinnedClaimId && links.includes(pinnedClaimId)) return { claimId: pinnedClaimId };
  if (links.length === 1) return { claimId: links[0] as string };
  return links.length === 0 ? undefined : { choose: links };
}

/** The review's assessment in the workspace, and its edits. */
export class Assessment {
  private readonly workspace: Workspace;
  private readonly tags: TagActions;
  /** Who is reviewing, once the back end said. */
  settings = $state.raw<ReviewerSettings | undefined>();
  /** True once the first-run question was answered or put off in this window. */
  private asked = $state(false);

  /** The worker's latest analysis, when a worker runs it. */
  private fromWorker = $state.raw<ReviewAnalysis>(EMPTY_ANALYSIS);
  private readonly useWorker: boolean = false;

  /**
   * @param worker where the analysis runs off the window's thread; without one (unit tests) it
   *   runs inline. Pass one only while a component is being set up: it is fed by an effect.
   */
  constructor(workspace: Workspace, tags: TagActions, worker?: AnalysisPort) {
    this.workspace = workspace;
    this.tags = tags;
    if (worker) {
      const runner = new AnalysisRunner(
        worker,
        (analysis) => (this.fromWorker = analysis),
        // Not done on the window instead: what broke the worker would freeze the window.
        () =>
          workspace.notify(
            'error',
            'Crosscheck could not work out the claims’ statuses for this review (the analysis ran out of memory), so the claims panel may be out of date; your tags are safe.',
          ),
      );
      this.useWorker = true;
      // Sent after the change is painted (the runner copies only the tags the worker lacks, but
      // walking 10,000 of them still should not delay the frame), and once for a burst of changes.
      let cancel: (() => void) | undefined;
      $effect(() => {
        const review = this.workspace.review;
        cancel?.();
        cancel = afterNextPaint(() => runner.request(review));
      });
    }
  }

  /** Inline analysis, for a window without a worker. */
  private inline = $derived.by(() =>
    this.useWorker ? EMPTY_ANALYSIS : analyseReview(this.workspace.review ?? { tags: [] }),
  );

  /**
   * Status per facet, origins and verdicts of every claim (src/core). From the worker it may lag
   * a change by the time the analysis takes (a second for thousands of items).
   */
  get analysis(): ReviewAnalysis {
    return this.useWorker ? this.fromWorker : this.inline;
  }

  /** Each claim's analysis by claim id. */
  byClaim = $derived(new Map(this.analysis.claims.map((c) => [c.claim.id, c])));

  /** The claim whose links the panes' facet marks show: the selected claim, else the pinned one. */
  focusClaimId = $derived.by(() => {
    const selected = this.workspace.selectedTag;
    return selected?.kind === 'claim' ? selected.id : this.workspace.pinnedClaimId;
  });

  /** Source names by source id. */
  sourceNames = $derived.by(
    () => new Map((this.workspace.review?.sources ?? []).map((s) => [s.id, s.name])),
  );

  /** Whether to ask who is reviewing (first run: no name given yet). */
  askReviewerName = $derived(
    this.settings !== undefined && this.settings.reviewerName === undefined && !this.asked,
  );

  /** The name new tags are written by. */
  reviewerName = $derived(this.settings?.reviewerName ?? this.settings?.defaultName);

  /** The name of the source a tag is attributed to, if any. */
  sourceName(tag: Tag): string | undefined {
    return tag.sourceId ? this.sourceNames.get(tag.sourceId) : undefined;
  }

  /** The reliability grade of the source a tag is attributed to, if it is graded. */
  reliabilityOf(tag: Tag): Reliability | undefined {
    if (!tag.sourceId) return undefined;
    return this.workspace.review?.sources?.find((s) => s.id === tag.sourceId)?.reliability;
  }

  /** The claim analysis of a claim id. */
  claim(claimId: string): ClaimAnalysis | undefined {
    return this.byClaim.get(claimId);
  }

  /** Runs S, A, V or G on the sentence selected when it was pressed, after every earlier key. */
  run(action: AssessmentKey): Promise<void> {
    const target = this.tags.selectedTarget();
    const ws = this.workspace;
    const tagOn = () => target && ws.tagsByDocument.get(target.documentId)?.get(target.start);
    return this.tags.queue.push(() => {
      const tag = tagOn();
      if (action.type === 'facet') return this.toggleSelected(tag);
      if (action.type === 'attribute') return this.openAttribution(tag);
      if (action.type === 'grade') return this.openGrade(tag);
      return this.openJudgement(tag);
    });
  }

  private async toggleSelected(tag: Tag | undefined): Promise<void> {
    const ws = this.workspace;
    if (!tag || tag.kind === 'claim') {
      ws.notify('info', 'Select a confirmation or contradiction to say what it speaks to.');
      return;
    }
    const link = linkToAct(tag, ws.pinnedClaimId);
    if (!link) {
      ws.notify('info', 'Link this evidence to a claim first (L), then say what it speaks to.');
    } else if ('choose' in link) ws.openModal({ kind: 'facet-choice', evidence: tag });
    else await this.toggleFacet(tag, link.claimId);
  }

  /** Switches evidence's link to a claim between the claim's source and its content. */
  async toggleFacet(evidence: Tag, claimId: string): Promise<void> {
    const next: Facet = facetOf(evidence, claimId) === 'source' ? 'content' : 'source';
    await this.setFacet(evidence.id, claimId, next);
  }

  async setFacet(evidenceId: string, claimId: string, facet: Facet): Promise<void> {
    const ws = this.workspace;
    const reviewId = ws.review?.id;
    if (reviewId) await ws.call(ws.backend.api.setFacet({ reviewId, evidenceId, claimId, facet }));
  }

  /** Opens the attribution field of a tag, filled with who says it or the suggestion. */
  async openAttribution(tag: Tag | undefined): Promise<void> {
    const ws = this.workspace;
    const reviewId = ws.review?.id;
    if (!tag || !reviewId) {
      ws.notify('info', 'Tag the sentence first; who says it belongs to a tag.');
      return;
    }
    const reply = await ws.call(ws.backend.api.suggestAttribution({ reviewId, tagId: tag.id }));
    const fresh = ws.review?.tags.find((t) => t.id === tag.id);
    if (!fresh) return;
    ws.openModal({ kind: 'attribution', tag: fresh, suggestion: reply?.suggestion });
  }

  /** Attributes a tag to a source by name; an empty name clears it. */
  async attribute(tagId: string, name: string): Promise<void> {
    const ws = this.workspace;
    const reviewId = ws.review?.id;
    const source = name.trim() === '' ? null : name.trim();
    if (reviewId) await ws.call(ws.backend.api.setAttribution({ reviewId, tagId, source }));
  }

  /** Opens the verdict of the selected claim (or of the claim selected evidence speaks to). */
  openJudgement(tag: Tag | undefined): void {
    const ws = this.workspace;
    let claimId: string | undefined;
    if (tag?.kind === 'claim') claimId = tag.id;
    else if (tag) {
      const link = linkToAct(tag, ws.pinnedClaimId);
      if (link && 'claimId' in link) claimId = link.claimId;
    }
    const claim = claimId && ws.review?.tags.find((t) => t.id === claimId);
    if (claim) ws.openModal({ kind: 'judgement', claim });
    else ws.notify('info', 'Select a claim to give your verdict on it.');
  }

  /** Sets (or, with undefined, clears) the reviewer's verdict on a claim. */
  async judge(claimId: string, input: JudgementInput | undefined): Promise<void> {
    const ws = this.workspace;
    const reviewId = ws.review?.id;
    if (!reviewId) return;
    const judgement = input
      ? {
          verdict: input.verdict,
          confidence: input.confidence,
          ...(input.rationale?.trim() ? { rationale: input.rationale.trim() } : {}),
        }
      : null;
    await ws.call(ws.backend.api.setJudgement({ reviewId, claimId, judgement }));
  }

  /** Opens the grades of the selected evidence: its credibility and its source's reliability. */
  openGrade(tag: Tag | undefined): void {
    const ws = this.workspace;
    if (!tag || tag.kind === 'claim') {
      ws.notify('info', 'Select a confirmation or contradiction to grade it.');
      return;
    }
    ws.openModal({ kind: 'grade', evidence: tag });
  }

  /**
   * Saves an evidence item's credibility and its source's reliability (each only when given).
   * Returns the back end's refusal in plain words (e.g. 1 with a single origin), else undefined.
   */
  async grade(
    tagId: string,
    sourceId: string | undefined,
    change: GradeChange,
  ): Promise<string | undefined> {
    const ws = this.workspace;
    const reviewId = ws.review?.id;
    if (!reviewId) return 'No review is open.';
    if (change.credibility !== undefined) {
      const credibility = change.credibility;
      const refused = await this.attempt(
        ws.backend.api.setCredibility({ reviewId, tagId, credibility }),
      );
      if (refused) return refused;
    }
    if (change.reliability !== undefined && sourceId) {
      const reliability = change.reliability;
      return this.attempt(ws.backend.api.updateSource({ reviewId, sourceId, reliability }));
    }
    return undefined;
  }

  /** Runs a call; a refusal comes back as its message (not as a notice), an outage is noticed too. */
  private async attempt<T>(pending: Promise<Result<T, Problem>>): Promise<string | undefined> {
    const result = await pending.catch(() => undefined);
    if (result && !result.ok && result.error.code !== 'offline') return result.error.message;
    const done = await this.workspace.call(result ? Promise.resolve(result) : pending);
    return done === undefined
      ? 'Crosscheck could not reach its back end, so the grade is not saved; try again.'
      : undefined;
  }

  /** Sets what a document is: title, outlet, author, date, reference. */
  async setMetadata(documentId: string, metadata: DocumentMetadata): Promise<void> {
    const ws = this.workspace;
    const reviewId = ws.review?.id;
    if (reviewId) {
      await ws.call(ws.backend.api.setDocumentMetadata({ reviewId, documentId, metadata }));
    }
  }

  /** Asks the back end who is reviewing. */
  async loadSettings(): Promise<void> {
    const ws = this.workspace;
    const settings = await ws.call(ws.backend.api.getReviewerSettings({}));
    if (settings) this.settings = settings;
  }

  /** Names the reviewer; new tags are written by this name. */
  async setReviewerName(name: string): Promise<boolean> {
    const ws = this.workspace;
    const settings = await ws.call(ws.backend.api.setReviewerName({ name }));
    if (!settings) return false;
    this.settings = settings;
    this.asked = true;
    return true;
  }

  /** Skips the first-run question: the default name stays, and it is not asked again. */
  async skipReviewerName(): Promise<void> {
    const name = this.settings?.defaultName;
    this.asked = true;
    if (name) await this.setReviewerName(name);
  }
}
