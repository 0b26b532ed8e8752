// The part of selenium-webdriver 4.46 (which ships no types) that drivers/webkit.ts uses.
declare module 'selenium-webdriver' {
  export const Key: Record<'TAB' | 'SHIFT' | 'ARROW_RIGHT' | 'ARROW_LEFT' | 'ENTER' | 'ESCAPE', string>;

  export class Capabilities {
    getBrowserName(): string;
    getBrowserVersion(): string;
  }

  export class WebElement {
    click(): Promise<void>;
    getAriaRole(): Promise<string>;
    getAccessibleName(): Promise<string>;
  }

  export class Actions {
    keyDown(key: string): Actions;
    keyUp(key: string): Actions;
    sendKeys(...keys: string[]): Actions;
    perform(): Promise<void>;
  }

  export class WebDriver {
    get(url: string): Promise<void>;
    navigate(): { refresh(): Promise<void> };
    executeScript<T = unknown>(script: string, ...args: unknown[]): Promise<T>;
    actions(): Actions;
    manage(): { window(): { setRect(rect: { width?: number; height?: number; x?: number; y?: number }): Promise<unknown> } };
    getCapabilities(): Promise<Capabilities>;
    quit(): Promise<void>;
  }

  /** A driver whose session is still being created; awaiting it gives the WebDriver. */
  export interface ThenableWebDriver extends WebDriver, PromiseLike<WebDriver> {
    catch(onRejected: (error: unknown) => unknown): Promise<unknown>;
  }

  export class Builder {
    usingServer(url: string): Builder;
    withCapabilities(capabilities: Record<string, unknown>): Builder;
    build(): ThenableWebDriver;
  }
}
