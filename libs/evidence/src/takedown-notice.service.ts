import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { canonicalJson, DomainError } from '@dramaguard/records';
import { Caller, CaseService } from '@dramaguard/rights';
import { CaseReportService } from './case-report.service';
import { CertificateService } from './certificate.service';
import { DisputeTokens } from './dispute-tokens.service';
import { SigningKey } from './signing-key.service';
import { TakedownNotice, takedownNoticeOf } from './takedown-notice';

export interface SignedNotice {
  readonly notice: TakedownNotice;
  /** The canonical JSON: exactly the bytes the signature covers. */
  readonly json: Buffer;
  readonly signatureBase64: string;
}

/** The takedown notice of a confirmed case, signed like certificates; seen by whoever may see the case. */
@Injectable()
export class TakedownNoticeService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cases: CaseService,
    private readonly reports: CaseReportService,
    private readonly certificates: CertificateService,
    private readonly tokens: DisputeTokens,
    private readonly key: SigningKey,
  ) {}

  async issue(caller: Caller, caseId: string): Promise<SignedNotice> {
    const { reviewCase } = await this.cases.get(caller, caseId);
    if (reviewCase.status !== 'confirmed') throw new DomainError('case_not_confirmed', `the case is ${reviewCase.status}; only a confirmed case has a takedown notice`);
    const report = await this.reports.report(caller, caseId);
    const certificate = await this.certificates.issue(caller, reviewCase.registrationId);
    const notice = takedownNoticeOf({
      report,
      policy: reviewCase.policy,
      certificate: certificate.certificate,
      certificateSignature: certificate.signatureBase64,
      disputeToken: this.tokens.tokenOf(caseId),
      answerDays: this.config.disputes.answerDays,
    });
    const json = Buffer.from(canonicalJson(notice), 'utf8');
    return { notice, json, signatureBase64: this.key.sign(json).toString('base64') };
  }
}
