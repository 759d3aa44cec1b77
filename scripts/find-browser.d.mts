// Types for find-browser.mjs, so playwright.config.ts can share the lookup the npm script uses.
export function findBrowser(): string | undefined;
