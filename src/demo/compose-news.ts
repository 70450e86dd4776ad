import { composeArticle } from './article.js';
import {
  incidentState,
  recentPost,
  type ComposeContext,
  type Draft,
  type Job,
} from './compose-context.js';
import { ISSUES } from './content/index.js';
import { pickCitizen } from './identity.js';
import { OUTLETS, outletAuthor, slugify } from './outlets.js';
import { weightedPicker, type Rng } from './rng.js';
import { makeScene } from './slots.js';
import { applyStyle, commentText, pickTypingStyle } from './social.js';

const pickOutletIndex = weightedPicker(
  OUTLETS.map((_, i) => i),
  OUTLETS.map((o) => o.weight),
);

function unusedOutlet(used: ReadonlySet<number>, rng: Rng): number | undefined {
  const free = OUTLETS.map((_, i) => i).filter((i) => !used.has(i));
  if (free.length === 0) return undefined;
  return rng.weighted(
    free,
    free.map((i) => OUTLETS[i]!.weight),
  );
}

function article(c: ComposeContext, job: Job, outletIndex: number, fresh: boolean): Draft {
  const issue = ISSUES[job.issueIndex]!;
  const scene = fresh
    ? makeScene(issue.source, job.t - c.rng.between(30, 600) * 60_000, c.rng)
    : job.scene;
  const { title, text } = composeArticle(issue, scene, c.rng);
  const outlet = OUTLETS[outletIndex]!;
  const url = outlet.url(slugify(title), job.t, job.i);
  return {
    kind: 'article',
    title,
    text,
    lang: 'vi',
    author: outletAuthor(outlet),
    url,
    boost: job.incident === undefined ? 1 : 2,
    remember: { title, text, url, outlet: outletIndex },
  };
}

function readerComment(c: ComposeContext, job: Job, parentId: string, issueIndex: number): Draft {
  const style = pickTypingStyle(c.rng, 0.15);
  const text = commentText(ISSUES[issueIndex]!, job.scene, c.rng, false);
  return {
    kind: 'comment',
    text: applyStyle(text, style),
    lang: 'vi',
    author: pickCitizen('news', c.authorPool, c.seedTag, c.rng),
    parentId,
  };
}

/**
 * A post on the `news` platform: an outlet's first article about an incident once the press
 * has caught up with it, a reader comment under an article, or an everyday article.
 */
export function composeNews(c: ComposeContext, job: Job): Draft {
  const incident = job.incident;
  if (incident !== undefined && job.t - incident.startMs >= incident.pressDelayMs) {
    const state = incidentState(incident);
    const outletIndex = unusedOutlet(state.usedOutlets, c.rng);
    if (outletIndex !== undefined && (state.articles.length === 0 || c.rng.chance(0.6))) {
      state.usedOutlets.add(outletIndex);
      const draft = article(c, job, outletIndex, false);
      state.articles.push({
        id: job.id,
        title: draft.title!,
        text: draft.text,
        url: draft.url!,
        outlet: outletIndex,
      });
      return draft;
    }
    const parent = state.articles.length > 0 ? c.rng.pick(state.articles) : undefined;
    if (parent !== undefined) return readerComment(c, job, parent.id, job.issueIndex);
  }
  if (c.rng.chance(0.4)) {
    const parent = recentPost(c, 'news');
    if (parent !== undefined)
      return readerComment(c, { ...job, scene: parent.scene }, parent.id, parent.issueIndex);
  }
  return article(c, job, pickOutletIndex(c.rng), true);
}
