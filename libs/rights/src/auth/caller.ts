import type { Role } from '@dramaguard/records';

/** Who is calling: the account an API key belongs to. Services decide what it may see and change. */
export interface Caller {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}
