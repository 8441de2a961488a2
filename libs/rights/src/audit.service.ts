import { Injectable } from '@nestjs/common';
import { AuditEntryEntity, AuditFilter, AuditRepository, CHAIN_START, ChainCheck, checkChain, Page, PageRequest, pageWindow } from '@dramaguard/records';

const CHECK_BATCH = 1000;

/** Reading the audit log and checking its hash chain; writing happens inside the transaction of each change. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async list(filter: AuditFilter, request: PageRequest): Promise<Page<AuditEntryEntity>> {
    const { page, pageSize, offset } = pageWindow(request);
    const [items, total] = await this.audit.page(filter, offset, pageSize);
    return { items, total, page, pageSize };
  }

  /** Recomputes the chain from the first entry: where it breaks, if it does, and the head hash a holder may keep as a receipt. */
  async checkChain(): Promise<ChainCheck> {
    let result: ChainCheck = { checked: 0, brokenAt: null, head: CHAIN_START };
    for (let last = '0'; ; ) {
      const batch = await this.audit.chainAfter(last, CHECK_BATCH);
      if (!batch.length) return result;
      result = checkChain(batch, result.head, result.checked);
      if (result.brokenAt) return result;
      last = batch[batch.length - 1].id;
    }
  }
}
