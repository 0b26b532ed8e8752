import type { SurveyTemplate } from '../types.js';

/**
 * The templates a survey may name: all the core knows of them (`init` checks the name). Their words
 * and items (templates.ts) come with the check of what a survey asks, which expands them
 * (check-content.ts, loaded on demand).
 */
export const TEMPLATE_NAMES: readonly SurveyTemplate[] = ['nps', 'csat', 'ces', 'sus', 'umux-lite', 'pmf'];
