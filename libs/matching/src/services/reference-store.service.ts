import { Injectable, Logger } from '@nestjs/common';
import { Fingerprint } from '@dramaguard/fingerprint';
import { IndexedEpisode, Reference } from '@dramaguard/hash-index';
import { FingerprintRepository, StoredFingerprint } from '@dramaguard/records';
import { indexedEpisode } from '../matching/stored-episode';

/**
 * Full-rate fingerprints kept for verification. At about 10 KB per 90 s
 * episode this holds the few thousand episodes recent clips were verified
 * against; the index itself holds key frames only.
 */
const CACHE_BYTES = 64 * 1024 * 1024;

interface Cached {
  readonly seq: string;
  readonly reference: Reference;
  readonly group: string;
  readonly bytes: number;
}

/**
 * The full fingerprints that stage two of a match verifies against, read from
 * PostgreSQL for the candidate episodes only, through a bounded cache (least
 * recently used first out). A cached fingerprint is used only while it has
 * the seq the index knows: shares relearned or exclusions changed give the
 * row a fresh seq, and it is read again.
 */
@Injectable()
export class ReferenceStore {
  private readonly log = new Logger(ReferenceStore.name);
  private readonly cache = new Map<string, Cached>();
  private bytes = 0;

  constructor(private readonly fingerprints: FingerprintRepository) {}

  /** References of the wanted episodes (registration id to the seq the index holds). */
  async lookup(wanted: ReadonlyMap<string, string>): Promise<Map<string, Reference>> {
    const found = new Map<string, Reference>();
    const missing: string[] = [];
    for (const [id, seq] of wanted) {
      const hit = this.cache.get(id);
      if (hit && hit.seq === seq) {
        this.cache.delete(id);
        this.cache.set(id, hit);
        found.set(id, hit.reference);
      } else missing.push(id);
    }
    if (!missing.length) return found;
    for (const row of await this.fingerprints.ofRegistrations(missing)) {
      const episode = this.decoded(row);
      if (!episode) continue;
      const reference = { fingerprint: episode.fingerprint, shares: episode.shares as Uint8Array };
      found.set(row.registrationId, reference);
      this.keep(row.registrationId, row.seq, reference, row.workId);
    }
    return found;
  }

  /** The fingerprints and works of the wanted episodes, read as `lookup` reads them: from the cache once verified. */
  async registered(wanted: ReadonlyMap<string, string>): Promise<Map<string, { fingerprint: Fingerprint; group: string }>> {
    const out = new Map<string, { fingerprint: Fingerprint; group: string }>();
    for (const [id, reference] of await this.lookup(wanted)) {
      const group = this.cache.get(id)?.group;
      if (group !== undefined) out.set(id, { fingerprint: reference.fingerprint, group });
    }
    return out;
  }

  private keep(id: string, seq: string, reference: Reference, group: string): void {
    const old = this.cache.get(id);
    if (old) this.bytes -= old.bytes;
    this.cache.delete(id);
    const bytes = reference.shares.byteLength + reference.fingerprint.views.reduce((n, v) => n + v.hashes.byteLength + v.quality.byteLength, 0);
    this.cache.set(id, { seq, reference, group, bytes });
    this.bytes += bytes;
    for (const [key, entry] of this.cache) {
      if (this.bytes <= CACHE_BYTES) break;
      this.cache.delete(key);
      this.bytes -= entry.bytes;
    }
  }

  private decoded(r: StoredFingerprint): IndexedEpisode | null {
    try {
      return indexedEpisode(r);
    } catch (e) {
      this.log.error(`fingerprint of registration ${r.registrationId} is unreadable: ${(e as Error).message}`);
      return null;
    }
  }
}
