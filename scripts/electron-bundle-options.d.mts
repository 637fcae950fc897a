import type { BuildOptions } from 'esbuild';

export function common(root: string): BuildOptions;
export function nodeMain(root: string): BuildOptions;
