/** Put in by the build (rollup.config.mjs, vitest.config.ts): the version in package.json. */
declare const __EARSHOT_VERSION__: string;

/** The SDK's version: `earshot.version`, and `sdk.version` in every response. */
export const SDK_VERSION: string = __EARSHOT_VERSION__;
