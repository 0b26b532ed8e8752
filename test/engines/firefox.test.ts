// The cross-engine flows (scenarios.ts) in Firefox, driven by puppeteer-core over WebDriver BiDi.
import { firefoxDriver } from './drivers/firefox';
import { runEngineSuite } from './suite';

runEngineSuite(firefoxDriver);
