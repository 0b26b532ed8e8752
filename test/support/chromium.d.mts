export declare const CHROMIUM: string;
export declare const BROWSER_CHROMIUM: string;
export declare const CHROMIUM_ARGS: string[];
