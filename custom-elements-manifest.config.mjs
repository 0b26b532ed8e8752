// The custom elements manifest (dist/custom-elements.json), generated from the elements' JSDoc
// (@attr, @event, @csspart, @cssproperty) on each `npm run build`, for editors and design tools.
import { readFileSync } from 'node:fs';

/**
 * The files whose tables register elements (the analyzer cannot read them on its own): rows
 * `'earshot-tag': Class` given to `defineOnce`, and the question kinds' `{ tag: 'earshot-tag', load: () => import(…).then((module) => module.Class) }`.
 */
const REGISTRATIONS = ['./src/ui/define.ts', './src/ui/questions/registry.ts', './src/ui/tab/define-feedback-tab.ts', './src/ui/debug-panel/show-debug-panel.ts'];

function tagsFromDefine() {
  const tags = new Map();
  for (const file of REGISTRATIONS) {
    const source = readFileSync(new URL(file, import.meta.url), 'utf8');
    for (const [, tag, className] of source.matchAll(/'(earshot-[\w-]+)'(?:: |, load: .*?module\.)(\w+)/g)) tags.set(className, { tag, module: file.slice(2) });
  }
  // Internal reactive state (`state: true`) is no attribute, whatever the analyzer infers.
  const states = new Set([...readFileSync(new URL('./src/ui/survey/survey.ts', import.meta.url), 'utf8').matchAll(/(\w+): \{ state: true \}/g)].map(([, name]) => name));
  return {
    name: 'earshot-tags-from-define',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const registered = tags.get(declaration.name);
          if (!registered) continue;
          const { tag, module: definedIn } = registered;
          declaration.tagName = tag;
          declaration.attributes = declaration.attributes?.filter((attribute) => !states.has(attribute.name));
          for (const event of declaration.events ?? []) if (event.name === 'EMBED_REQUEST') event.name = 'earshot-embed';
          declaration.customElement = true;
          (module.exports ??= []).push({ kind: 'custom-element-definition', name: tag, declaration: { name: declaration.name, module: definedIn } });
        }
      }
    },
  };
}

export default {
  globs: ['src/ui/**/*.ts'],
  exclude: ['src/ui/**/*.styles.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [tagsFromDefine()],
};
