export type Role = 'admin' | 'rights_holder' | 'reviewer' | 'licensee';

export interface Account {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  platformAccounts: { platform: string; handle: string }[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Segment {
  id: string;
  clipStart: number;
  clipEnd: number;
  episodeStart: number;
  episodeEnd: number;
  speed: number;
  score: number;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export type CaseStatus = 'open' | 'claimed' | 'confirmed' | 'dismissed' | 'released';

export interface CaseSummary {
  id: string;
  status: CaseStatus;
  score: number;
  clipId: string;
  registrationId: string;
  registrationNumber: string;
  episodeNumber: number;
  workId: string;
  workTitle: string;
  rightsHolderId: string;
  rightsHolder: string;
  assigneeId: string | null;
  openedAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
}

/** How the clip edits the episode: the console shows the api's wording of them (the rectangles and numbers are in the api's MatchEdits). */
export interface MatchEdits {
  summary: string[];
}

export interface CaseDetail extends CaseSummary {
  clip: { id: string; fileName: string; durationSeconds: number; platform: string | null; uploaderAccount: string | null; territory: string | null; usedOn: string | null; receivedAt: string };
  mirrored: boolean;
  signals: ('picture' | 'audio')[];
  edits: MatchEdits | null;
  segments: Segment[];
  notes: { id: string; authorId: string; text: string; createdAt: string }[];
  history: AuditEntry[];
}

export interface ClipMatch {
  registrationId: string;
  registrationNumber: string;
  episodeNumber: number;
  episodeTitle: string;
  workTitle: string;
  rightsHolder: string;
  score: number;
  mirrored: boolean;
  verdict: 'licensed' | 'tracked' | 'case_opened' | null;
  licenceId: string | null;
  caseId: string | null;
  segments: Segment[];
}

export interface Clip {
  id: string;
  status: string;
  progress: number;
  failureReason: string | null;
  fileName: string;
  durationSeconds: number;
  verdict: string;
  matches: ClipMatch[];
}

export interface RegistrationSummary {
  id: string;
  number: string;
  status: string;
  progress: number;
  failureReason: string | null;
}

export interface Exclusion {
  id: string;
  startSeconds: number;
  endSeconds: number;
  reason: string;
}

export interface Registration extends RegistrationSummary {
  fileName: string;
  sizeBytes: number;
  durationSeconds: number;
  width: number;
  height: number;
  receivedAt: string;
  registeredAt: string | null;
  episode: { id: string; number: number; title: string };
  work: { id: string; title: string; rightsHolder: string };
  exclusions: Exclusion[];
}

export interface Work {
  id: string;
  ownerId: string;
  rightsHolder: string;
  title: string;
  originalTitle: string | null;
  year: number | null;
  language: string | null;
  episodeCount: number;
  createdAt: string;
  episodes: { id: string; number: number; title: string; registration?: RegistrationSummary }[];
}

export interface Licence {
  id: string;
  workId: string;
  workTitle: string;
  licenseeId: string;
  licenseeName: string;
  firstEpisode: number | null;
  lastEpisode: number | null;
  territories: string[];
  platforms: string[];
  startsOn: string;
  endsOn: string;
  exclusive: boolean;
}

export interface ConflictRegistration {
  id: string;
  number: string;
  status: string;
  workTitle: string;
  episodeNumber: number;
  rightsHolder: string;
}

export interface Conflict {
  id: string;
  status: string;
  registration: ConflictRegistration;
  evidence: { registration: ConflictRegistration; score: number; mirrored: boolean; segments: { newStart: number; newEnd: number; registeredStart: number; registeredEnd: number; speed: number; score: number }[] }[];
  openedAt: string;
  resolutionReason: string | null;
}

export interface OwnerRecord {
  registrationNumber: string;
  registeredAt: string;
  episodeNumber: number;
  episodeTitle: string;
  workId: string;
  workTitle: string;
  owner: string;
}

export interface OwnedWork {
  workId: string;
  title: string;
  originalTitle: string | null;
  owner: string;
  episodeCount: number;
  registeredEpisodes: { number: number; title: string; registrationNumber: string; registeredAt: string }[];
}

export interface OwnershipQuery {
  id: string;
  status: string;
  failureReason: string | null;
  platform: string;
  territory: string | null;
  usedOn: string;
  answers: (OwnerRecord & { score: number; licensed: boolean; licenceId: string | null; summary: string })[];
}

export interface ApiKey {
  id: string;
  prefix: string;
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
  key?: string;
}
