/** Types for production-manifest.js (plain CommonJS, so webpack.config.js can load it without a build). */
export const DEV_ORIGIN: string;
export function configuredBaseUrl(env?: Record<string, string | undefined>): string;
export function normaliseBaseUrl(raw: string): string;
export function productionManifest(devManifest: string, baseUrl: string): string;
