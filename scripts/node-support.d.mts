// Types of node-support.mjs for the tests that import it.
export declare const APP_NODE: string;
export declare const TEST_NODE: string;
export declare function inNodeRange(version: string, range: string): boolean;
export declare function nodeVersionProblem(what: string, range: string, version: string): string | null;
export declare function requireNode(what: string, range: string): void;
