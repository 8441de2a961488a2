import { InitialSchema1764160000000 } from './1764160000000-initial-schema';
import { Accounts1764300000000 } from './1764300000000-accounts';
import { RightsWorkflow1764300100000 } from './1764300100000-rights-workflow';
import { CommonContent1764400000000 } from './1764400000000-common-content';
import { Shards1764500000000 } from './1764500000000-shards';
import { RetroMatched1764600000000 } from './1764600000000-retro-matched';
import { AuditChain1764700000000 } from './1764700000000-audit-chain';
import { ClipRetention1764800000000 } from './1764800000000-clip-retention';
import { AuditCheckpoints1764900000000 } from './1764900000000-audit-checkpoints';
import { PoliciesAndDisputes1765200000000 } from './1765200000000-policies-and-disputes';
import { AudioFingerprints1765300000000 } from './1765300000000-audio-fingerprints';
import { MatchEdits1765400000000 } from './1765400000000-match-edits';
import { ShardGeometry1765500000000 } from './1765500000000-shard-geometry';
import { ShardPlan1765600000000 } from './1765600000000-shard-plan';
import { RetroBatches1765700000000 } from './1765700000000-retro-batches';
import { UnfinishedWork1765800000000 } from './1765800000000-unfinished-work';
import { ShardRegisteredStretches1765900000000 } from './1765900000000-shard-registered-stretches';
import { MediaHasAudio1766000000000 } from './1766000000000-media-has-audio';

/** In the order they run; listed explicitly, no globs. */
export const REGISTRY_MIGRATIONS = [InitialSchema1764160000000, Accounts1764300000000, RightsWorkflow1764300100000, CommonContent1764400000000, Shards1764500000000, RetroMatched1764600000000, AuditChain1764700000000, ClipRetention1764800000000, AuditCheckpoints1764900000000, PoliciesAndDisputes1765200000000, AudioFingerprints1765300000000, MatchEdits1765400000000, ShardGeometry1765500000000, ShardPlan1765600000000, RetroBatches1765700000000, UnfinishedWork1765800000000, ShardRegisteredStretches1765900000000, MediaHasAudio1766000000000];
