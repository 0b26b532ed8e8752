// Types for cors.mjs (used by the TypeScript tests).
import type { IncomingMessage } from 'node:http';

export const ANY_ORIGIN: '*';
export function parseAllowedOrigins(text?: string): string[];
export function createOriginPolicy(allowedOrigins?: string[]): {
  allowedOrigins: string[];
  allows(req: IncomingMessage): boolean;
  headersFor(req: IncomingMessage, options?: { preflight?: boolean }): Record<string, string>;
};
