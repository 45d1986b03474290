export declare const root: string;
export declare function isBuilt(): boolean;
export declare function ensureBuilt(): Promise<boolean>;
export declare function build(): Promise<boolean>;
export declare function buildId(): string;
export declare function bundleOptions(entryPoints: Record<string, string>, outdir: string): import('esbuild').BuildOptions;
export declare function buildScripts(esbuild: typeof import('esbuild'), outdir: string): Promise<void>;
