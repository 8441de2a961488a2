import { Injectable } from '@nestjs/common';
import { AuditEntryEntity } from '../entities';
import { AuditFilter, AuditRepository } from '../repositories';
import { Page, PageRequest, pageWindow } from './paging';

/** Reading the audit log; writing happens inside the transaction of each change. */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async list(filter: AuditFilter, request: PageRequest): Promise<Page<AuditEntryEntity>> {
    const { page, pageSize, offset } = pageWindow(request);
    const [items, total] = await this.audit.page(filter, offset, pageSize);
    return { items, total, page, pageSize };
  }
}
