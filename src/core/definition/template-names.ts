import type { SurveyTemplate } from '../types.js';

/**
 * The templates a survey may name: all the core knows of them (`init` checks the name). Their words
 * and items (templates.ts) come with the check of what a survey asks, which expands them
 * (check-content.ts, loaded on demand).
 */
// Every name of the type, checked by the compiler: a template added to SurveyTemplate must be named here.
const NAMED = { nps: 1, csat: 1, ces: 1, sus: 1, 'umux-lite': 1, pmf: 1 } satisfies Record<SurveyTemplate, 1>;
export const TEMPLATE_NAMES = Object.keys(NAMED) as readonly SurveyTemplate[];
