import { isRecord } from '../../core/definition/checks.js';
import { surveysIn } from '../../core/targeting/remote-surveys.js';
import type { SurveyDefinition } from '../../core/types.js';

/**
 * The builder's side of the reference collector's surveys registry (examples/collector, described in docs/collector.md):
 * `GET /api/earshot/surveys` is public (what `surveysUrl` points at); publishing (`PUT`),
 * unpublishing (`DELETE`), the versions of a survey (`GET …/:id/versions`) and making an earlier
 * one live again (`POST …/:id/versions/:n/publish`) need the collector's read key. Errors come as
 * `{ error, problems? }`.
 */
export const SURVEYS_PATH = '/api/earshot/surveys';
/** The versions of one survey, newest first (keyed): `GET /api/earshot/surveys/:id/versions`. */
export const VERSIONS_SUFFIX = '/versions';
/** Makes version `n` live again (keyed): `POST /api/earshot/surveys/:id/versions/:n/publish`. */
export const republishSuffix = (version: number) => `${VERSIONS_SUFFIX}/${version}/publish`;
/** Where the collector's address and key are kept: for this browser tab's session only, typed once. */
export const SETTINGS_KEY = 'earshot-builder-collector';

/** Where to publish, and the key that allows it. */
export interface RegistrySettings {
  /** The collector's address (`https://collector.example`); the builder's own origin when it is served by the collector. */
  collector: string;
  key: string;
}

/** One published version of a survey. */
export interface PublishedVersion {
  version: number;
  /** When it was published (ISO 8601), if the collector says. */
  publishedAt?: string;
  /** It is the one `GET /api/earshot/surveys` serves now. */
  live?: boolean;
  definition?: SurveyDefinition;
}

/** Where a published survey stands: served, closed by a quota of its own (`maxResponses`, `closesAt`), or unpublished. */
export type PublishedStatus = 'live' | 'closed' | 'unpublished';

/** A survey's record in the registry: where it stands, and its versions, newest first. */
export interface SurveyHistory {
  status?: PublishedStatus;
  /** Why and since when a quota closed it, when it did. */
  closed?: { reason: string; at?: string };
  versions: PublishedVersion[];
}

/** A registry answer that is not a success, in words a product team can act on. */
export class RegistryError extends Error {
  constructor(
    message: string,
    /** Each problem the collector found in the definition, with its path. */
    readonly problems: string[] = [],
    /** The HTTP status, when the collector answered. */
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The collector has no surveys registry at all (an older one): nothing can be published there. */
export class NoRegistryError extends RegistryError {}

export function loadSettings(storage: Storage | undefined, fallbackCollector = ''): RegistrySettings {
  try {
    const kept: unknown = JSON.parse(storage?.getItem(SETTINGS_KEY) ?? 'null');
    if (isRecord(kept) && typeof kept.collector === 'string' && typeof kept.key === 'string') return { collector: kept.collector, key: kept.key };
  } catch {
    // Nothing kept that the builder can read: start empty.
  }
  return { collector: fallbackCollector, key: '' };
}

export function saveSettings(storage: Storage | undefined, settings: RegistrySettings): void {
  try {
    storage?.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // Not kept: typed again after a reload.
  }
}

type Fetch = typeof fetch;

const surveyUrl = (collector: string, id: string, suffix = '') => new URL(`${SURVEYS_PATH}/${encodeURIComponent(id)}${suffix}`, collector);

/** Sends a request; what fails is said in words, with what to check. */
async function send(fetcher: Fetch, url: URL, init: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetcher(url, { ...init, cache: 'no-store' });
  } catch (error) {
    throw new RegistryError(
      `The collector at ${url.origin} could not be reached (${(error as Error).message}). Check its address; a collector on another origin must be reached from a builder it serves (${url.origin}/builder/).`,
    );
  }
  if (response.ok) return response;
  const body: unknown = await response.json().catch(() => undefined);
  const problems = isRecord(body) && Array.isArray(body.problems) ? body.problems.map(String) : [];
  const said = isRecord(body) && typeof body.error === 'string' ? `: ${body.error}` : '';
  if (response.status === 401 || response.status === 403)
    throw new RegistryError(`The collector refused the key (HTTP ${response.status})${said}. Check the read key (EARSHOT_READ_TOKEN).`, [], response.status);
  // The registry's own 404s say what is missing (a survey never published, a version); a collector without one says nothing of surveys.
  if (response.status === 404 && !said) throw new NoRegistryError(`The collector at ${url.origin} has no surveys registry (HTTP 404 for ${url.pathname}).`, [], 404);
  // A refused definition: its problems are listed one by one, not repeated in the sentence.
  if (problems.length) throw new RegistryError(`The collector refused the survey (HTTP ${response.status}): nothing was published.`, problems, response.status);
  throw new RegistryError(`The collector answered HTTP ${response.status}${said}.`, problems, response.status);
}

const authorization = (key: string): Record<string, string> => (key ? { Authorization: `Bearer ${key}` } : {});

/** Publishes the survey: the collector checks it as `init` would and serves it at `GET /api/earshot/surveys`. */
export async function publish({ collector, key }: RegistrySettings, definition: SurveyDefinition, fetcher: Fetch = fetch): Promise<PublishedVersion | undefined> {
  const response = await send(fetcher, surveyUrl(collector, definition.id), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...authorization(key) },
    body: JSON.stringify(definition),
  });
  return readVersion(await response.json().catch(() => undefined));
}

export async function unpublish({ collector, key }: RegistrySettings, id: string, fetcher: Fetch = fetch): Promise<void> {
  await send(fetcher, surveyUrl(collector, id), { method: 'DELETE', headers: authorization(key) });
}

/** Makes an earlier version live again, as it was published. */
export async function republish({ collector, key }: RegistrySettings, id: string, version: number, fetcher: Fetch = fetch): Promise<PublishedVersion | undefined> {
  const response = await send(fetcher, surveyUrl(collector, id, republishSuffix(version)), { method: 'POST', headers: authorization(key) });
  return readVersion(await response.json().catch(() => undefined));
}

/** What the site gets at `surveysUrl` now (public). */
export async function liveSurveys(collector: string, fetcher: Fetch = fetch): Promise<unknown[]> {
  const response = await send(fetcher, new URL(SURVEYS_PATH, collector), {});
  return surveysIn(await response.json()).list;
}

const STATUSES: readonly string[] = ['live', 'closed', 'unpublished'] satisfies PublishedStatus[];

/** Where one survey stands and its versions, newest first; none for a survey never published (the registry's 404). */
export async function historyOf({ collector, key }: RegistrySettings, id: string, fetcher: Fetch = fetch): Promise<SurveyHistory> {
  let response: Response;
  try {
    response = await send(fetcher, surveyUrl(collector, id, VERSIONS_SUFFIX), { headers: authorization(key) });
  } catch (error) {
    if (error instanceof RegistryError && error.status === 404 && !(error instanceof NoRegistryError)) return { versions: [] };
    throw error;
  }
  const body: unknown = await response.json();
  const list = Array.isArray(body) ? body : isRecord(body) && Array.isArray(body.versions) ? body.versions : [];
  const versions = list.flatMap((item) => readVersion(item) ?? []).sort((a, b) => b.version - a.version);
  if (!isRecord(body)) return { versions };
  const closed =
    isRecord(body.closed) && typeof body.closed.reason === 'string' ? { reason: body.closed.reason, ...(typeof body.closed.at === 'string' && { at: body.closed.at }) } : undefined;
  return { ...(typeof body.status === 'string' && STATUSES.includes(body.status) && { status: body.status as PublishedStatus }), ...(closed && { closed }), versions };
}

/** A version as the collector describes it (`version`, `publishedAt`, `live`, `definition`), read leniently. */
function readVersion(item: unknown): PublishedVersion | undefined {
  if (!isRecord(item) || typeof item.version !== 'number') return undefined;
  const publishedAt = [item.publishedAt, item.createdAt].find((value) => typeof value === 'string') as string | undefined;
  return {
    version: item.version,
    ...(publishedAt && { publishedAt }),
    ...(typeof item.live === 'boolean' && { live: item.live }),
    ...(isRecord(item.definition) && { definition: item.definition as unknown as SurveyDefinition }),
  };
}

/**
 * The live page with `?earshot_preview=<id>` (and `&simulate=1`), to check the survey where
 * visitors will see it. A path alone (`/shop/cart.html`) is on `site` (the builder's own origin,
 * when the collector that serves it also serves the site); none for what is no web page address.
 */
export function previewLink(pageAddress: string, surveyId: string, simulate = false, site?: string): string | undefined {
  const typed = pageAddress.trim();
  try {
    const url = typed.startsWith('/') ? new URL(typed, site) : new URL(/^[a-z][a-z\d+.-]*:/i.test(typed) ? typed : `https://${typed}`);
    if (!/^https?:$/.test(url.protocol) || (!url.hostname.includes('.') && url.hostname !== 'localhost')) return undefined;
    url.searchParams.set('earshot_preview', surveyId);
    if (simulate) url.searchParams.set('simulate', '1');
    return url.href;
  } catch {
    return undefined;
  }
}
