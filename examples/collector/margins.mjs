// 95 % margins of error for the scores the results page shows, so a score from 8 answers does not
// read like one from 8,000. Normal approximations (z = 1.96), each from counts the database gives:
//   - a share p of n answers (CSAT % satisfied, % thumbs up, PMF): 1.96 × √(p(1 − p) / n);
//   - an NPS, the difference of the promoter and detractor shares of one sample: each answer
//     scores +1, 0 or −1, whose variance is pP + pD − (pP − pD)², so the standard error of the
//     difference is √((pP + pD − (pP − pD)²) / n);
//   - a mean of n values with sample standard deviation s: 1.96 × s / √n.
// In points of the score (NPS points, percentage points, scale points); null under 2 answers,
// where no spread can be measured.

export const Z_95 = 1.96;

/** The margin of a share `part / n`, in percentage points. */
export function shareMargin(part, n) {
  if (n < 2) return null;
  const p = part / n;
  return Z_95 * Math.sqrt((p * (1 - p)) / n) * 100;
}

/** The margin of an NPS from its promoters and detractors among `n` answers, in NPS points. */
export function npsMargin(promoters, detractors, n) {
  if (n < 2) return null;
  const [pP, pD] = [promoters / n, detractors / n];
  return Z_95 * Math.sqrt((pP + pD - (pP - pD) ** 2) / n) * 100;
}

/** The margin of a mean from the count, sum and sum of squares of its values, in the values' unit. */
export function meanMargin(n, sum, sumOfSquares) {
  if (n < 2) return null;
  const variance = Math.max(0, (sumOfSquares - (sum * sum) / n) / (n - 1));
  return (Z_95 * Math.sqrt(variance)) / Math.sqrt(n);
}
