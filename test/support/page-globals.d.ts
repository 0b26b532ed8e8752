// Inside `page.evaluate`, the script-tag build is the global `earshot`.
declare global {
  interface Window {
    earshot: typeof import('../../src/index');
  }
}
export {};
