// The cross-engine flows (scenarios.ts) in Chromium, driven by Playwright.
import { chromiumDriver } from './drivers/chromium';
import { runEngineSuite } from './suite';

runEngineSuite(chromiumDriver);
