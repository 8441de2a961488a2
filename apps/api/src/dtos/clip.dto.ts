import { ApiProperty } from '@nestjs/swagger';
import { ClipWithMatches } from '@dramaguard/catalogue';
import { AudioEvidence, CLIP_STATUSES, ClipMatchEntity, ClipStatus, MATCH_VERDICTS, MatchSegmentEntity, MatchSignal, MatchVerdict, ReviewCaseEntity } from '@dramaguard/records';
import { MatchEditsDto } from './match-edits.dto';
import { AppliedPolicyDto } from './policy.dto';

export class MatchSegmentDto {
  @ApiProperty({ description: 'Segment id (evidence images are per segment)' }) id!: string;
  @ApiProperty({ description: 'Start in the clip, seconds' }) clipStart!: number;
  @ApiProperty({ description: 'End in the clip, seconds' }) clipEnd!: number;
  @ApiProperty({ description: 'Start in the registered episode, seconds' }) episodeStart!: number;
  @ApiProperty({ description: 'End in the registered episode, seconds' }) episodeEnd!: number;
  @ApiProperty({ description: 'Episode seconds per clip second (1.2: the clip plays 1.2x fast)' }) speed!: number;
  @ApiProperty({ description: 'Score of this segment in [0, 1]' }) score!: number;
  @ApiProperty({ enum: ['picture', 'audio'], isArray: true, description: 'The signals that found this stretch: the picture, the soundtrack, or both' })
  signals!: MatchSignal[];

  static from(s: MatchSegmentEntity): MatchSegmentDto {
    return { id: s.id, clipStart: s.clipStart, clipEnd: s.clipEnd, episodeStart: s.episodeStart, episodeEnd: s.episodeEnd, speed: s.speed, score: s.score, signals: s.signals };
  }
}

export class AudioEvidenceDto {
  @ApiProperty({ description: 'Score of the soundtrack’s own match in [0, 1]; 0 when it was only compared along the picture’s line' }) score!: number;
  @ApiProperty({ description: 'Episode seconds per clip second of the soundtrack' }) speed!: number;
  @ApiProperty({ description: 'The sound was sped up or slowed down with its pitch (resampled), not with the pitch kept' }) pitchChanged!: boolean;
  @ApiProperty({
    enum: ['agrees', 'contradicts', 'silent', 'unchecked'],
    description:
      'agrees: the clip plays the episode’s sound along the match; contradicts: both have sound there and it is not the episode’s (a weak picture match is lowered); ' +
      'silent: one side is silent there; unchecked: audio-only match, or no soundtrack to compare',
  })
  agreement!: AudioEvidence['agreement'];
}

export class ClipMatchDto {
  @ApiProperty() registrationId!: string;
  @ApiProperty({ example: 'DG-2026-000042' }) registrationNumber!: string;
  @ApiProperty() episodeId!: string;
  @ApiProperty() episodeNumber!: number;
  @ApiProperty() episodeTitle!: string;
  @ApiProperty() workId!: string;
  @ApiProperty() workTitle!: string;
  @ApiProperty() rightsHolder!: string;
  @ApiProperty({ description: 'Best segment score, in [0, 1]' }) score!: number;
  @ApiProperty({ description: 'The clip shows the episode mirrored' }) mirrored!: boolean;
  @ApiProperty({ nullable: true, type: MatchEditsDto, description: 'How the clip edits the episode; null for matches recorded before edits were' }) edits!: MatchEditsDto | null;
  @ApiProperty({ type: [MatchSegmentDto] }) segments!: MatchSegmentDto[];
  @ApiProperty({ enum: ['picture', 'audio'], isArray: true, description: 'What the match rests on: ["audio"] alone is audio-only evidence (the picture was not recognised)' })
  signals!: MatchSignal[];
  @ApiProperty({ nullable: true, type: AudioEvidenceDto, description: 'What the soundtrack says; null when it had nothing to compare' }) audio!: AudioEvidenceDto | null;
  @ApiProperty({
    enum: MATCH_VERDICTS,
    nullable: true,
    description:
      'licensed: a licence covers this use; tracked: the work’s policy only records such uses; case_opened: a case was opened (confirmed at once under a takedown policy ' +
      'when the score reaches its threshold); null for ownership queries and matches recorded before verdicts existed',
  })
  verdict!: MatchVerdict | null;
  @ApiProperty({ nullable: true, type: AppliedPolicyDto, description: 'The work’s policy in force when the clip was matched' })
  policy!: AppliedPolicyDto | null;
  @ApiProperty({ nullable: true, type: String, description: 'The covering licence, when licensed' }) licenceId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The review case, when one was opened' }) caseId!: string | null;

  static from(m: ClipMatchEntity, cases: readonly ReviewCaseEntity[] = []): ClipMatchDto {
    const registration = m.registration;
    const episode = registration?.episode;
    const work = episode?.work;
    if (!registration || !episode || !work) throw new Error(`match ${m.id} was loaded without its registration, episode and work`);
    return {
      registrationId: registration.id,
      registrationNumber: registration.number,
      episodeId: episode.id,
      episodeNumber: episode.number,
      episodeTitle: episode.title,
      workId: work.id,
      workTitle: work.title,
      rightsHolder: work.rightsHolder,
      score: m.score,
      mirrored: m.mirrored,
      edits: m.edits && MatchEditsDto.from(m.edits),
      signals: m.signals,
      audio: m.audio,
      verdict: m.verdict,
      policy: m.policy,
      licenceId: m.licenceId,
      caseId: cases.find((c) => c.matchId === m.id)?.id ?? null,
      segments: (m.segments ?? []).map((s) => MatchSegmentDto.from(s)),
    };
  }
}

export class ClipDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: CLIP_STATUSES }) status!: ClipStatus;
  @ApiProperty({ description: 'Percent of the clip processed' }) progress!: number;
  @ApiProperty({ nullable: true, type: String }) failureReason!: string | null;
  @ApiProperty() fileName!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty() sizeBytes!: number;
  @ApiProperty() durationSeconds!: number;
  @ApiProperty() width!: number;
  @ApiProperty() height!: number;
  @ApiProperty() receivedAt!: Date;
  @ApiProperty({ nullable: true, type: Date }) matchedAt!: Date | null;
  @ApiProperty({ nullable: true, type: Date, description: 'When the video was deleted: kept CLIP_RETENTION_DAYS, then as long as an open, claimed or confirmed case needs it' }) mediaPurgedAt!: Date | null;
  @ApiProperty({ nullable: true, type: String }) platform!: string | null;
  @ApiProperty({ nullable: true, type: String }) uploaderAccount!: string | null;
  @ApiProperty({ nullable: true, type: String }) territory!: string | null;
  @ApiProperty({ description: 'Day of the use, YYYY-MM-DD' }) usedOn!: string;
  @ApiProperty({
    enum: ['pending', 'no_match', 'licensed', 'tracked', 'case_opened', 'unreviewed'],
    description:
      'pending: not matched yet; no_match: nothing registered found; licensed: every match is covered by a licence; ' +
      'tracked: every match is licensed or only tracked by its work’s policy; case_opened: at least one case was opened; unreviewed: matched before verdicts existed',
  })
  verdict!: 'pending' | 'no_match' | 'licensed' | 'tracked' | 'case_opened' | 'unreviewed';
  @ApiProperty({ type: [ClipMatchDto], description: 'Registered episodes found in the clip, best first; empty until status is done or incomplete' })
  matches!: ClipMatchDto[];
  @ApiProperty({ nullable: true, type: Number, description: 'How many shards of the match index the clip was sent to' })
  shardCount!: number | null;
  @ApiProperty({ type: [Number], description: 'The shards whose answer is in the matches; when status is incomplete, failureReason names the others' })
  shardsAnswered!: number[];

  static from({ clip, matches, cases, shardsAnswered }: ClipWithMatches): ClipDto {
    const dtos = matches.map((m) => ClipMatchDto.from(m, cases));
    return {
      id: clip.id,
      status: clip.status,
      progress: clip.progress,
      failureReason: clip.failureReason,
      fileName: clip.fileName,
      sha256: clip.sha256,
      sizeBytes: Number(clip.sizeBytes),
      durationSeconds: clip.durationSeconds,
      width: clip.width,
      height: clip.height,
      receivedAt: clip.receivedAt,
      matchedAt: clip.matchedAt,
      mediaPurgedAt: clip.mediaPurgedAt,
      platform: clip.platform,
      uploaderAccount: clip.uploaderAccount,
      territory: clip.territory,
      usedOn: clip.usedOn,
      verdict: clipVerdict(clip.status, dtos),
      matches: dtos,
      shardCount: clip.shardCount,
      shardsAnswered,
    };
  }
}

/** An incomplete clip has a verdict only when what its answered shards found opened a case: silence from a shard is not "no match". */
function clipVerdict(status: ClipStatus, matches: readonly ClipMatchDto[]): ClipDto['verdict'] {
  if (status === 'incomplete' && matches.some((m) => m.verdict === 'case_opened')) return 'case_opened';
  if (status !== 'done') return 'pending';
  if (!matches.length) return 'no_match';
  if (matches.some((m) => m.verdict === 'case_opened')) return 'case_opened';
  if (matches.every((m) => m.verdict === 'licensed')) return 'licensed';
  return matches.every((m) => m.verdict === 'licensed' || m.verdict === 'tracked') ? 'tracked' : 'unreviewed';
}
