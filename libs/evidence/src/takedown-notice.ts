import type { AppliedPolicy } from '@dramaguard/records';
import type { CaseReport } from './case-report';
import type { Certificate } from './certificate';

/**
 * A takedown notice, addressed to the platform the clip was found on: the
 * confirmed case, the evidence (segments with their images' digests), the
 * registration certificate with its signature, where the full reports are,
 * and how the uploader contests it (the per-notice dispute token). The
 * service signs its canonical JSON, so the platform can check it offline.
 */
export interface TakedownNotice {
  readonly type: 'dramaguard.takedown-notice';
  readonly version: 1;
  /** When the case was confirmed: the notice's bytes are the same however often it is fetched. */
  readonly issuedAt: string;
  readonly to: { readonly platform: string | null; readonly uploaderAccount: string | null; readonly territory: string | null; readonly usedOn: string };
  readonly from: CaseReport['holder'];
  readonly case: { readonly id: string; readonly confirmedAt: string; readonly decisionReason: string | null; readonly policy: AppliedPolicy | null };
  readonly work: CaseReport['work'];
  readonly episode: CaseReport['episode'];
  readonly registration: CaseReport['registration'] & { readonly certificate: Certificate; readonly certificateSignature: string };
  readonly clip: { readonly sha256: string; readonly fileName: string; readonly receivedAt: string };
  readonly score: number;
  readonly mirrored: boolean;
  readonly segments: CaseReport['segments'];
  readonly reports: { readonly json: string; readonly html: string; readonly pdf: string };
  readonly dispute: { readonly how: string; readonly caseId: string; readonly token: string; readonly answerDays: number };
}

export interface NoticeParts {
  readonly report: CaseReport;
  readonly policy: AppliedPolicy | null;
  readonly certificate: Certificate;
  readonly certificateSignature: string;
  readonly disputeToken: string;
  readonly answerDays: number;
}

/** Pure: the notice of a confirmed case (`report.case.decidedAt` set). */
export function takedownNoticeOf(p: NoticeParts): TakedownNotice {
  const r = p.report;
  const confirmedAt = r.case.decidedAt!;
  return {
    type: 'dramaguard.takedown-notice',
    version: 1,
    issuedAt: confirmedAt,
    to: { platform: r.clip.platform, uploaderAccount: r.clip.uploaderAccount, territory: r.clip.territory, usedOn: r.clip.usedOn },
    from: r.holder,
    case: { id: r.case.id, confirmedAt, decisionReason: r.case.decisionReason, policy: p.policy },
    work: r.work,
    episode: r.episode,
    registration: { ...r.registration, certificate: p.certificate, certificateSignature: p.certificateSignature },
    clip: { sha256: r.clip.sha256, fileName: r.clip.fileName, receivedAt: r.clip.receivedAt },
    score: r.score,
    mirrored: r.mirrored,
    segments: r.segments,
    reports: { json: `/cases/${r.case.id}/report`, html: `/cases/${r.case.id}/report.html`, pdf: `/cases/${r.case.id}/report.pdf` },
    dispute: {
      how: 'the uploader may contest this notice: POST /disputes with {caseId, token, reason}; the rights holder must answer within answerDays or the case is released',
      caseId: r.case.id,
      token: p.disputeToken,
      answerDays: p.answerDays,
    },
  };
}
