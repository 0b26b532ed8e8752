// The cross-engine flows (scenarios.ts) in WebKit (WebKitGTK), driven by selenium-webdriver.
import { webkitDriver } from './drivers/webkit';
import { runEngineSuite } from './suite';

runEngineSuite(webkitDriver);
