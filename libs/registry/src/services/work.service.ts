import { Injectable } from '@nestjs/common';
import { DomainError } from '../domain-error';
import { WorkEntity } from '../entities';
import { NewWork, WorkRepository } from '../repositories';

@Injectable()
export class WorkService {
  constructor(private readonly works: WorkRepository) {}

  create(work: NewWork): Promise<WorkEntity> {
    return this.works.insert(work);
  }

  async get(id: string): Promise<WorkEntity> {
    const work = await this.works.findWithEpisodes(id);
    if (!work) throw new DomainError('work_not_found', `no work with id ${id}`);
    return work;
  }
}
