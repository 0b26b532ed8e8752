// The custom elements manifest (dist/custom-elements.json), generated from the elements' JSDoc
// (@attr, @event, @csspart, @cssproperty) on each `npm run build`, for editors and design tools.
import { readFileSync } from 'node:fs';

/** Tag names come from the one registration table in src/ui/define.ts, which the analyzer cannot read on its own (a loop). */
function tagsFromDefine() {
  const source = readFileSync(new URL('./src/ui/define.ts', import.meta.url), 'utf8');
  const tags = new Map([...source.matchAll(/'(earshot-[\w-]+)': (\w+)/g)].map(([, tag, className]) => [className, tag]));
  // Internal reactive state (`state: true`) is no attribute, whatever the analyzer infers.
  const states = new Set([...readFileSync(new URL('./src/ui/survey/survey.ts', import.meta.url), 'utf8').matchAll(/(\w+): \{ state: true \}/g)].map(([, name]) => name));
  return {
    name: 'earshot-tags-from-define',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const tag = tags.get(declaration.name);
          if (!tag) continue;
          declaration.tagName = tag;
          declaration.attributes = declaration.attributes?.filter((attribute) => !states.has(attribute.name));
          for (const event of declaration.events ?? []) if (event.name === 'EMBED_REQUEST') event.name = 'earshot-embed';
          declaration.customElement = true;
          (module.exports ??= []).push({ kind: 'custom-element-definition', name: tag, declaration: { name: declaration.name, module: 'src/ui/define.ts' } });
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
