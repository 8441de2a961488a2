import { InitialSchema1764160000000 } from './1764160000000-initial-schema';

/** In the order they run; listed explicitly, no globs. */
export const REGISTRY_MIGRATIONS = [InitialSchema1764160000000];
