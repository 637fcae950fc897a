import { build, type Rolldown } from 'vite';
import config, { jsSizes, PARTICIPANT_JS_GZIP_MAX } from '../../vite.participant.config';
import type { Series } from '../format';
import type { NodeBenchContext, NodeBenchSuite } from './node-types';

/*
 * The participant page's weight on a phone (issue 16: < 150 kB of gzipped JavaScript): the page
 * built as `npm run build` builds it, measured as a server would send it. One sample: a build is
 * deterministic. The build itself fails over the limit (vite.participant.config.ts); this row
 * shows how close it is, run after run.
 */
export const participantBundle: NodeBenchSuite = {
  async run(context: NodeBenchContext): Promise<Series[]> {
    const output = await build({ ...config, configFile: false, logLevel: 'warn', build: { ...config.build, write: false } });
    const outputs = (Array.isArray(output) ? output : [output]) as Rolldown.RolldownOutput[];
    const bundle = Object.fromEntries(outputs.flatMap((result) => result.output).map((item) => [item.fileName, item.type === 'chunk' ? { type: 'chunk' as const, code: item.code } : { type: 'asset' as const }]));
    const sizes = jsSizes(bundle);
    const kB = sizes.reduce((sum, size) => sum + size.gzipBytes, 0) / 1024;
    context.log(`participant page: ${sizes.map((size) => `${size.file} ${(size.gzipBytes / 1024).toFixed(1)} kB gzipped`).join(', ')}`);
    return [{ name: 'participant-bundle', unit: 'kB', samples: [Math.round(kB * 10) / 10], target: { metric: 'median', max: PARTICIPANT_JS_GZIP_MAX / 1024, maxBaselineRatio: null } }];
  },
};
