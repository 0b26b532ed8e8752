/**
 * A response as a collector stores it (the payload of docs/architecture.md §3); only the fields
 * the tests read are typed, and src/schema/batch.schema.json has the full shape.
 */
export interface StoredResponse {
  id: string;
  surveyId: string;
  completed: boolean;
  answers: Record<string, unknown>;
  questions?: Array<{ id: string; type: string; text: string; [key: string]: unknown }>;
  createdAt?: string;
  updatedAt?: string;
  page?: { url: string; referrer?: string };
  trigger?: Record<string, unknown>;
  sdk?: { name: string; version: string };
  [key: string]: unknown;
}
