/**
 * What `promise` settled to within `ms`, or undefined if it had not. The timer is cleared as soon
 * as the promise settles, so a wait that ended early leaves nothing running on the page.
 */
export function settledWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([promise, new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)))]).finally(() => clearTimeout(timer));
}
