import { allowStorage, eraseDatabases } from './delivery/idb.js';
import { LEASE_DB } from './delivery/lock.js';
import { DEAD_LETTER_DB, EVENTS_DB, OUTBOX_DB } from './delivery/outbox.js';
import { VISITOR_DB } from './targeting/visitor.js';
import type { ConsentState, EarshotConfig } from './types.js';

export const CONSENT_STATES: readonly ConsentState[] = ['granted', 'pending', 'denied'];
export const DEFAULT_CONSENT: ConsentState = 'granted';

/**
 * The consent that holds now: the latest `earshot.consent()` call, else the config's; the Global
 * Privacy Control signal denies it unless the visitor granted it explicitly.
 */
export function consentOf(config: Pick<EarshotConfig, 'consent' | 'respectGlobalPrivacyControl'>, chosen: ConsentState | undefined): ConsentState {
  if (chosen) return chosen;
  const gpc = (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl;
  return config.respectGlobalPrivacyControl && gpc ? 'denied' : (config.consent ?? DEFAULT_CONSENT);
}

/** Erases everything Earshot keeps about the visitor: queued and refused answers, queued events, the visitor's state, and the delivery lease. */
export function eraseVisitorData(): Promise<void> {
  return eraseDatabases([OUTBOX_DB, DEAD_LETTER_DB, EVENTS_DB, VISITOR_DB, LEASE_DB]);
}

export { allowStorage };
