// What the delivery test page (pages.ts) leaves on `window` for the tests, beside `earshot`.
import type { RecordedEvent } from './delivery-harness';
import type { AnswerItem } from './pages';

declare global {
  interface Window {
    __delivery: {
      /** The config the page gave `earshot.init` (or would give it, with `?manual`). */
      config?: Record<string, unknown>;
      /** Every `earshot:<event>` since the page loaded. */
      events: RecordedEvent[];
      /** Answers surveys through the real survey DOM; each item's response id, or null. */
      answer(items: AnswerItem[]): Promise<Array<string | null>>;
      settle(): Promise<void>;
    };
  }
}
export {};
