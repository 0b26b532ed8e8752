// Rollup plugin for the script-tag build only: the Lit bundled into dist/earshot.min.js must
// leave the host page as it found it, and the page's Lit must not reach it. Production Lit,
// unchanged, would add four globals (`litHtmlVersions`, `litElementVersions`,
// `reactiveElementVersions`, `litPropertyMetadata`), define `Symbol.metadata`, pick up polyfill and
// SSR-hydration hooks the page installed for its own Lit, and create the Trusted Types policy
// `lit-html`, which throws while the script loads when the page's `trusted-types` directive does
// not name it, or when the page's own Lit created it first. Here the policy is called `earshot`,
// and a refused one leaves the script loading (the survey then reports an `error` event).
// Every edit must apply exactly once: a Lit upgrade that changes these lines fails the build.
const EDITS = [
  {
    file: /lit-html[\\/]lit-html\.js$/,
    find: /(\w+)\?\1\.createPolicy\("lit-html",(\{createHTML:\w+=>\w+\})\):void 0/,
    replace: '(()=>{try{return $1?.createPolicy("earshot",$2)}catch{}})()',
  },
  { file: /lit-html[\\/]lit-html\.js$/, find: /\(\w+\.litHtmlVersions\?\?=\[\]\)\.push\("[\d.]+"\)/, replace: '0' },
  { file: /lit-element[\\/]lit-element\.js$/, find: /\(\w+\.litElementVersions\?\?=\[\]\)\.push\("[\d.]+"\)/, replace: '0' },
  { file: /reactive-element[\\/]reactive-element\.js$/, find: /\(\w+\.reactiveElementVersions\?\?=\[\]\)\.push\("[\d.]+"\)/, replace: '0' },
  {
    // The property metadata map becomes the module's own (Earshot declares no decorators).
    file: /reactive-element[\\/]reactive-element\.js$/,
    find: /Symbol\.metadata\?\?=Symbol\("metadata"\),\w+\.litPropertyMetadata\?\?=new WeakMap/,
    replace: '0',
    prepend: 'const litPropertyMetadata=new WeakMap;',
  }, // Hooks a page sets up for its own Lit (polyfills, SSR hydration) must not reach this copy.
  { file: /lit-html[\\/]lit-html\.js$/, find: /\w+\.litHtmlPolyfillSupport/, replace: '(void 0)' },
  { file: /reactive-element[\\/]reactive-element\.js$/, find: /\w+\.reactiveElementPolyfillSupport/, replace: '(void 0)' },
  { file: /lit-element[\\/]lit-element\.js$/, find: /\w+\.litElementPolyfillSupport/, replace: '(void 0)' },
  { file: /lit-element[\\/]lit-element\.js$/, find: /\w+\.litElementHydrateSupport/, replace: '(void 0)' },
];

export function hostPageLit() {
  const applied = new Set();
  return {
    name: 'earshot-host-page-lit',
    transform(code, id) {
      let changed = code;
      for (const edit of EDITS) {
        if (!edit.file.test(id)) continue;
        const matches = changed.match(new RegExp(edit.find, 'g'))?.length ?? 0;
        if (matches !== 1) this.error(`host-page-lit: expected one match of ${edit.find} in ${id}, found ${matches}`);
        changed = (edit.prepend ?? '') + changed.replace(edit.find, edit.replace);
        applied.add(edit);
      }
      return changed === code ? null : { code: changed, map: null };
    },
    buildEnd(error) {
      if (!error && applied.size !== EDITS.length) this.error(`host-page-lit: ${EDITS.length - applied.size} edit(s) found no Lit module to apply to`);
    },
  };
}
