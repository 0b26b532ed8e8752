// Types for table.mjs (used by the TypeScript tests).
export type Row = [name: string, value: string, goal?: string];
export const TABLE_HEADER: string[];
export const TABLE_START: string;
export const TABLE_END: string;
export function formatTable(rows: Row[]): string[];
export function benchBlock(summary: string, rows: Row[]): string;
export function withBenchBlock(page: string, block: string): string;
