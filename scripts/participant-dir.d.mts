/** Absolute path of the built participant page: dist/participant, or dist/e2e-<port>-participant when E2E_PORT is set (not 4173). */
export function participantDir(port?: string): string;
