/**
 * Debian's Chromium, as the browser tests and the page benchmarks drive it through playwright-core
 * (no browser download works on these machines): headless, no sandbox (containers), and nothing
 * that reaches out to the network on its own.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
