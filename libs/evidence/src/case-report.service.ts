import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@dramaguard/config';
import { EvidenceImages, MediaStore } from '@dramaguard/media';
import { evidenceNotes, evidenceTitle } from './evidence-title';
import { PdfRenderer } from '@dramaguard/pdf';
import { createHash } from 'node:crypto';
import { Caller, CaseService } from '@dramaguard/rights';
import { DomainError, RegistrationRepository, ReviewCaseEntity } from '@dramaguard/records';
import { describeEdits } from '@dramaguard/matcher';
import { alignedTimes } from './aligned-times';
import { CaseReport, caseReportHtml } from './case-report';
import { caseReportPdf } from './case-report-pdf';
import { CertificateService } from './certificate.service';

/**
 * Case reports and their evidence images. Images are made on first request
 * (a few ffmpeg seeks and one sharp composition per segment) and kept in the
 * media directory's cache, so a report is cheap from the second time on.
 */
@Injectable()
export class CaseReportService {
  constructor(
    private readonly cases: CaseService,
    private readonly registrations: RegistrationRepository,
    private readonly certificates: CertificateService,
    private readonly store: MediaStore,
    private readonly images: EvidenceImages,
    private readonly pdfs: PdfRenderer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(caller: Caller, caseId: string): Promise<CaseReport> {
    return (await this.build(caller, caseId)).report;
  }

  async html(caller: Caller, caseId: string): Promise<string> {
    const { report, images } = await this.build(caller, caseId);
    return caseReportHtml(report, images);
  }

  /** The report as a PDF document, for platforms and courts. */
  async pdf(caller: Caller, caseId: string): Promise<Buffer> {
    const { report, images } = await this.build(caller, caseId);
    return this.pdfs.render(caseReportPdf(report, images), this.config.reportFont);
  }

  /** The side-by-side image of one matched segment of the case, as PNG. */
  async image(caller: Caller, caseId: string, segmentId: string): Promise<Buffer> {
    const { reviewCase } = await this.cases.get(caller, caseId);
    if (!reviewCase.match?.segments?.some((s) => s.id === segmentId)) throw new DomainError('segment_not_found', `case ${caseId} has no segment ${segmentId}`);
    return this.segmentImage(reviewCase, segmentId);
  }

  private async build(caller: Caller, caseId: string): Promise<{ report: CaseReport; images: Map<string, Buffer> }> {
    const { reviewCase: c } = await this.cases.get(caller, caseId);
    const certificate = await this.certificates.issue(caller, c.registrationId);
    const clip = c.clip!;
    const work = c.work!;
    const episode = c.registration!.episode!;
    const images = new Map<string, Buffer>();
    for (const s of c.match!.segments ?? []) images.set(s.id, await this.segmentImage(c, s.id));
    const report: CaseReport = {
      case: { id: c.id, status: c.status, openedAt: c.openedAt.toISOString(), decidedAt: c.decidedAt?.toISOString() ?? null, decisionReason: c.decisionReason },
      work: { id: work.id, title: work.title, originalTitle: work.originalTitle },
      holder: { id: work.ownerId, name: work.rightsHolder },
      registration: { number: c.registration!.number, registeredAt: c.registration!.registeredAt?.toISOString() ?? null, certificateSha256: certificate.digest },
      episode: { number: episode.number, title: episode.title },
      clip: {
        id: clip.id,
        sha256: clip.sha256,
        fileName: clip.fileName,
        platform: clip.platform,
        uploaderAccount: clip.uploaderAccount,
        territory: clip.territory,
        usedOn: clip.usedOn,
        receivedAt: clip.receivedAt.toISOString(),
      },
      score: c.score,
      mirrored: c.match!.mirrored,
      signals: c.match!.signals,
      audio: c.match!.audio,
      edits: c.match!.edits && { ...c.match!.edits, summary: describeEdits(c.match!.edits) },
      segments: (c.match!.segments ?? []).map((s) => ({
        id: s.id,
        clipStart: s.clipStart,
        clipEnd: s.clipEnd,
        episodeStart: s.episodeStart,
        episodeEnd: s.episodeEnd,
        speed: s.speed,
        score: s.score,
        image: { url: `/cases/${c.id}/evidence/${s.id}.png`, sha256: createHash('sha256').update(images.get(s.id)!).digest('hex') },
      })),
    };
    return { report, images };
  }

  private async segmentImage(c: ReviewCaseEntity, segmentId: string): Promise<Buffer> {
    const segment = c.match!.segments!.find((s) => s.id === segmentId)!;
    return this.store.cached(`evidence/${segmentId}.png`, async () => {
      const registration = await this.registrations.findById(c.registrationId);
      if (!registration || !c.clip) throw new DomainError('registration_not_found', `registration ${c.registrationId} is gone`);
      const clipEnd = c.clip.durationSeconds;
      const episodeEnd = registration.durationSeconds;
      // Segment ends are frame boundaries; a time at the very end of a file has no frame to show.
      const times = alignedTimes(segment).map((t) => ({
        clipSeconds: Math.min(t.clipSeconds, Math.max(0, clipEnd - 0.1)),
        episodeSeconds: Math.min(Math.max(0, t.episodeSeconds), Math.max(0, episodeEnd - 0.1)),
      }));
      const episode = registration.episode!;
      const { edits, signals } = c.match!;
      const title = evidenceTitle(registration.number, episode.work!, episode.number, segment, evidenceNotes(signals, edits));
      const outlines = edits?.clipRect && edits.episodeRect ? { clip: edits.clipRect, episode: edits.episodeRect } : null;
      return this.images.compose(this.store.pathOf(c.clip.mediaKey), this.store.pathOf(registration.mediaKey), times, title, outlines);
    });
  }
}
