export declare function sleep(ms: number): Promise<void>;

export interface WaitOptions {
  /** How long to wait in all, in ms (default 10,000). */
  timeout?: number;
  /** How long between two checks, in ms (default 50). */
  interval?: number;
  /** What is awaited, for the timeout's message. */
  describe?: () => string;
}

export declare function waitUntil<T>(check: () => T | Promise<T>, options?: WaitOptions): Promise<NonNullable<T>>;
