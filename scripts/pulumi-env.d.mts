export declare const repoRoot: string;
export declare function toolsCacheDir(): string;
export declare function pulumiBinDir(): string;
export declare function pulumiYamlBinDir(): string | undefined;
export declare function pulumiEnv(home: string, extra?: Record<string, string>): NodeJS.ProcessEnv;
