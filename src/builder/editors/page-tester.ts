import { css, html, nothing } from 'lit';
import { describe } from '../../core/definition/checks.js';
import type { Trigger } from '../../core/types.js';
import { EditorElement } from './editor-element.js';
import { textField } from '../form/field.js';
import { formStyles } from '../form/form.styles.js';
import { pathText } from '../model/paths.js';
import { testPage } from '../model/page-tester.js';

/** The page tester's address changed (`detail`: the address as typed). */
export const PAGE_ADDRESS_EVENT = 'builder-page-address';

/**
 * Tries the trigger's page rules on an address of the site, with the SDK's own matcher: which
 * rules match, a hint for a rule without `*` or an extension, and whether the survey can show on
 * that page and what it then waits for. The address also feeds the preview's simulation and the
 * preview link of the live page.
 */
export class PageTesterElement extends EditorElement {
  static override styles = [
    formStyles,
    css`
      ul {
        margin: 0.5rem 0;
        padding-inline-start: 1.25rem;
      }
      .yes::before {
        content: '✓ ';
        color: #1b5e20;
      }
      .no::before {
        content: '✗ ';
        color: #b3261e;
      }
      .verdict {
        font-weight: 600;
        margin: 0.5rem 0 0;
      }
    `,
  ];
  static override properties = { ...EditorElement.properties, trigger: { attribute: false }, address: {} };
  declare trigger: Trigger | undefined;
  declare address: string;

  override render() {
    const address = this.address ?? '';
    return html`<fieldset>
      <legend>Test a page of your site</legend>
      ${textField({
        path: ['pageAddress'],
        label: 'Page address',
        hint: 'The address of a page where the survey should show (or not), such as https://shop.example/shop/cart.html.',
        type: 'url',
        placeholder: 'https://shop.example/shop/cart.html',
        problems: [],
        value: address,
        onInput: (typed) => this.dispatchEvent(new CustomEvent(PAGE_ADDRESS_EVENT, { detail: typed, bubbles: true, composed: true })),
      })}
      ${address.trim() ? this.#renderResult(address) : nothing}
    </fieldset>`;
  }

  #renderResult(address: string) {
    const { path, rules, mayShow, waiting } = testPage(this.trigger, address);
    if (path === undefined) return html`<p class="verdict" role="status">This is not a page address.</p>`;
    const verdict = !this.trigger
      ? 'It has no trigger: it shows on no page by itself, only when asked for.'
      : mayShow
        ? `It can show on ${path}${waiting ? `, once it has waited for ${waiting}` : ''}.`
        : `It never shows on ${path}: a page rule does not match it.`;
    return html`<p class="hint">The survey looks at the path <code>${path}</code>.</p>
      ${
        rules.length
          ? html`<ul aria-label="Page rules">
            ${rules.map(
              ({ path: at, rule, matches, hint }) =>
                html`<li class=${matches ? 'yes' : 'no'}>
                  <code>${pathText(at)}</code> ${describe(rule)} ${matches ? 'matches' : 'does not match'} ${hint ? html`<p class="hint">${hint}</p>` : nothing}
                </li>`,
            )}
          </ul>`
          : this.trigger
            ? html`<p class="hint">Its trigger has no page rule: it may show on any page.</p>`
            : nothing
      }
      <p class="verdict" role="status">${verdict}</p>`;
  }
}
