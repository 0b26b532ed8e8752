// The `debug: true` panel, as its own module: only a developer's page asks for it, so visitors'
// pages never download it with the survey UI (the presenter imports this module on demand).
import type { DebugPanelRequest, PresentedSurvey } from '../../core/presenter.js';
import { applyAppearance } from '../appearance.js';
import { defineOnce } from '../define-once.js';
import { useStyleNonce, whenBodyExists } from '../host-page.js';
import { DebugPanelElement } from './debug-panel.js';

defineOnce({ 'earshot-debug-panel': DebugPanelElement });

export function showDebugPanel({ explain, watch, styleNonce, problems, preview, ...appearance }: DebugPanelRequest): PresentedSurvey {
  useStyleNonce(styleNonce);
  const element = document.createElement('earshot-debug-panel') as DebugPanelElement;
  applyAppearance(element, appearance);
  if (preview) {
    const { simulated } = preview;
    element.only = simulated ? [simulated] : [];
    element.heading = simulated ? `Earshot simulation of "${simulated}"` : 'Earshot preview: the survey could not be shown';
  }
  const refresh = () =>
    void explain().then((entries) => {
      element.problems = problems?.() ?? [];
      element.entries = entries;
    });
  refresh();
  const unwatch = watch(refresh);
  element.addEventListener('earshot-close', unwatch);
  const cancel = whenBodyExists(() => document.body.append(element));
  return {
    close() {
      cancel();
      unwatch();
      element.remove();
    },
  };
}
