// Types of find-browser.mjs for the TypeScript that imports it.
export interface FoundBrowser {
  path: string;
  source: 'CHROMIUM_PATH' | 'system' | 'playwright';
}
export interface FindOptions {
  prefer?: 'full' | 'print';
  env?: Record<string, string | undefined>;
  platform?: string;
  exists?: (file: string) => boolean;
  playwrightPath?: () => string | undefined;
}
export interface SetupDeps {
  find: () => FoundBrowser | null;
  exists: (file: string) => boolean;
  run: (command: string, args: string[]) => number;
  log: (line: string) => void;
  platform: string;
  isRoot: boolean;
  debianLike: boolean;
}
export type SetupResult = { ok: true; browser: FoundBrowser; installed: string | null } | { ok: false; message: string };
export declare function systemCandidates(prefer: 'full' | 'print', platform: string, env: Record<string, string | undefined>): string[];
export declare function findBrowser(options?: FindOptions): FoundBrowser | null;
export declare function isDebianLike(osRelease: string | undefined): boolean;
export declare function setUpBrowser(deps: SetupDeps): SetupResult;
export declare function setUpBrowserHere(): SetupResult;
