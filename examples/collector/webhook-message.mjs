// What the webhook POSTs for a newly completed response: JSON whose `text` is a one-line summary
// Slack (and Mattermost, Discord's Slack-compatible endpoint, Teams workflows…) shows as is:
// survey, score, comment and page; beside it, the same facts as fields for programs.

/** Longest comment quoted in the text; the whole answer is in `comment`. */
export const COMMENT_QUOTED_MAX = 300;

const SCORE_LABELS = {
  nps: (n) => `NPS ${n}`,
  csat: (n) => `CSAT ${n}/5`,
  ces: (n) => `CES ${n}/7`,
  rating: (n) => `rated ${n}`,
  thumbs: (n) => (n === 1 ? 'thumbs up' : 'thumbs down'),
};

/** Slack reads `&`, `<` and `>` as markup (links, @channel): a visitor's words are escaped. */
const escapeForSlack = (text) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/**
 * The JSON text POSTed for stored version `version` (stored-version.mjs): `{ text, earshot: {
 * responseId, surveyId, score, comment, page, completedAt } }`.
 */
export function webhookBodyOf(version) {
  const response = JSON.parse(version.body);
  const scored = version.answers.find((row) => Object.hasOwn(SCORE_LABELS, row.kind) && row.num !== null);
  const comment = version.answers.find((row) => row.kind === 'text' && row.hasText)?.text ?? null;
  const page = typeof response.page?.url === 'string' ? response.page.url : null;
  const parts = [`New response to ${escapeForSlack(version.surveyId)}`];
  if (scored) parts.push(SCORE_LABELS[scored.kind](scored.num));
  if (comment) {
    const quoted = comment.length > COMMENT_QUOTED_MAX ? `${comment.slice(0, COMMENT_QUOTED_MAX)}…` : comment;
    parts.push(`“${escapeForSlack(quoted.replace(/\s+/g, ' ').trim())}”`);
  }
  if (page) parts.push(`on ${escapeForSlack(page)}`);
  return JSON.stringify({
    text: parts.join(' · '),
    earshot: {
      responseId: version.id,
      surveyId: version.surveyId,
      score: scored ? { kind: scored.kind, question: scored.questionId, value: scored.num } : null,
      comment,
      page,
      completedAt: new Date(version.updatedMs).toISOString(),
    },
  });
}
