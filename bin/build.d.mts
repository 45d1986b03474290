export declare const root: string;
export declare function isBuilt(): boolean;
export declare function ensureBuilt(): boolean;
export declare function build(): boolean;
export declare function buildId(): string;
