// The builder's preview pane shows recalled values ({{context.plan}}) as samples: the fallback a
// text gives, else the value's name in brackets; an earlier answer as the visitor gives it.
import { afterEach, describe, expect, it } from 'vitest';
import { previewedSurvey } from '../../src/builder/model/previewed-survey.js';
import { SurveyPreviewElement } from '../../src/builder/survey-preview.js';
import type { SurveyDefinition } from '../../src/core/types.js';
import { getByRole, rendered } from '../support/dom.js';

customElements.define('test-survey-preview', SurveyPreviewElement);

const definition: SurveyDefinition = {
  id: 'plan',
  questions: [
    { id: 'fit', type: 'choice', text: 'Does {{context.plan | your plan}} fit, {{user.traits.name}}?', options: [{ id: 'yes', label: 'It fits' }, 'No'] },
    { id: 'why', type: 'text', text: 'Why "{{answers.fit}}"?' },
  ],
};

afterEach(() => document.body.replaceChildren());

async function showPreview(): Promise<Element> {
  const pane = document.createElement('test-survey-preview') as SurveyPreviewElement;
  Object.assign(pane, previewedSurvey(definition));
  document.body.append(pane);
  await pane.updateComplete;
  const survey = pane.shadowRoot!.querySelector('earshot-survey')!;
  await rendered(survey);
  return survey;
}

describe('the builder preview', () => {
  it('shows a recalled value as its fallback, else as its name in brackets', async () => {
    const survey = await showPreview();
    expect(getByRole(survey.shadowRoot!, 'radiogroup', 'Does your plan fit, [name]?')).toBeTruthy();
  });

  it('puts the answer given in the preview into a later question', async () => {
    const survey = await showPreview();
    getByRole(survey.shadowRoot!, 'radio', 'It fits').click();
    await rendered(survey);
    getByRole(survey.shadowRoot!, 'button', 'Next').click();
    await rendered(survey);
    await rendered(survey.shadowRoot!.querySelector('earshot-text-question')!);
    expect(getByRole(survey.shadowRoot!, 'textbox', 'Why "It fits"?')).toBeTruthy();
  });
});
