// The plan of the audio evaluation set: every query as a picture track and a
// sound track, each a list of pieces played back to back. All randomness is
// drawn here, before any ffmpeg run, so a seed fixes the plan (as in
// ../shared/bench/generate.mjs); only the music bed's gain is measured later.
//
// Picture pieces: {kind: 'ref', ref, start, dur, speed?, edit?} | {kind: 'distractor', src, start, dur}
//                 | {kind: 'cover', src, at, dur}   (a still frame of a distractor)
// Sound pieces:   {kind: 'ref', ref, start, dur, speed?, gain_db?, bed?} | {kind: 'distractor', src, start, dur}
//                 | {kind: 'bed', bed, start, dur} | {kind: 'noise', color, amp, seed, dur} | {kind: 'silence', dur}
// `start`/`dur` are in the source's timeline; a piece lasts dur / speed in the query.
import { BED_SECONDS, planBed } from './music-bed.mjs';
import { r2, r3 } from './prng.mjs';

export const POSITIVES_PER_FAMILY = 6;
export const NEGATIVES_PER_FAMILY = 4;
export const BEDS = 6;

const SPEED = [0.8, 1.25];
// A speed within 7 % of 1 is what a re-encode does by accident; the families test real changes.
const SPEED_GAP = 0.07;

export const outDur = (p) => p.dur / (typeof p.speed === 'object' ? p.speed.factor : (p.speed ?? 1));

function excerpt(rng, ref, lo, hi) {
  const dur = Math.min(rng.uni(lo, hi), ref.duration - 0.3);
  return { kind: 'ref', ref: ref.name, start: r3(rng.uni(0.1, ref.duration - dur - 0.1)), dur: r3(dur) };
}

/** Mostly 8–16 s, sometimes up to the brief's 30 s. */
const excerptLength = (rng) => (rng.chance(0.6) ? [8, 16] : [16, 30]);

function speedFactor(rng) {
  return r3(rng.chance(0.5) ? rng.uni(SPEED[0], 1 - SPEED_GAP) : rng.uni(1 + SPEED_GAP, SPEED[1]));
}

/** Unregistered footage for `total` seconds: distractor excerpts back to back, or one still frame (an audio-only upload's cover). */
function otherPicture(rng, ctx, total, allowCover = true) {
  if (allowCover && rng.chance(0.35)) {
    const d = rng.pick(ctx.distractors);
    return { tag: 'cover', pieces: [{ kind: 'cover', src: d.id, at: r3(rng.uni(0, d.duration - 0.5)), dur: r3(total) }] };
  }
  const pieces = [];
  let left = total;
  while (left > 0.05) {
    // the last piece takes all that is left, from a distractor long enough to give it (no sliver of a piece)
    const d = rng.pick(left < 5 ? ctx.distractors.filter((x) => x.duration > left + 0.2) : ctx.distractors);
    const want = left < 5 ? left : Math.min(left, rng.uni(2.5, 10));
    const dur = Math.min(want, d.duration - 0.1);
    pieces.push({ kind: 'distractor', src: d.id, start: r3(rng.uni(0, d.duration - dur - 0.05)), dur: r3(dur) });
    left -= dur;
  }
  // the rounding of each piece must not change the track's length
  const last = pieces[pieces.length - 1];
  last.dur = r3(last.dur + total - pieces.reduce((s, p) => s + p.dur, 0));
  return { tag: 'other_picture', pieces };
}

/** A sound that is not any registered episode's: a distractor's own sound (looped) or a music bed. */
function otherSound(rng, ctx, dur, kinds = ['speech', 'music', 'ambience', 'synth_music']) {
  const kind = rng.pick(kinds);
  if (kind === 'synth_music') {
    const bed = rng.pick(ctx.beds);
    return { tag: kind, piece: { kind: 'bed', bed: bed.id, start: r3(rng.uni(0, BED_SECONDS - dur - 0.5)), dur: r3(dur) } };
  }
  const d = rng.pick(ctx.distractorSounds.filter((s) => s.sound === kind));
  return { tag: kind, piece: { kind: 'distractor', src: d.id, start: r3(rng.uni(0, d.duration - 0.5)), dur: r3(dur) } };
}

const FAMILIES = {
  // The episode's sound under unregistered pictures: only the soundtrack was copied.
  audio_other_picture(rng, ctx, ref) {
    const ex = excerpt(rng, ref, ...excerptLength(rng));
    const sound = [], tags = [];
    if (rng.chance(0.5)) {
      const lead = otherSound(rng, ctx, r3(rng.uni(1.5, 4)));
      sound.push(lead.piece);
      tags.push('lead_in');
    }
    sound.push(ex);
    const pic = otherPicture(rng, ctx, sound.reduce((s, p) => s + p.dur, 0));
    return { tags: [pic.tag, ...tags], picture: pic.pieces, sound };
  },
  // The episode's picture with someone else's sound: the picture matcher must still find it.
  picture_sound_replaced(rng, ctx, ref) {
    const ex = excerpt(rng, ref, 8, 25);
    const other = otherSound(rng, ctx, ex.dur);
    return { tags: ['sound_replaced', other.tag], picture: [ex], sound: [other.piece] };
  },
  audio_speed_tempo(rng, ctx, ref) {
    const ex = excerpt(rng, ref, 8, 25);
    const f = speedFactor(rng);
    return { tags: ['speed', 'atempo'], picture: [{ ...ex, speed: f }], sound: [{ ...ex, speed: { factor: f, method: 'tempo' } }] };
  },
  audio_speed_pitch(rng, ctx, ref) {
    const ex = excerpt(rng, ref, 8, 25);
    const f = speedFactor(rng);
    return { tags: ['speed', 'asetrate'], picture: [{ ...ex, speed: f }], sound: [{ ...ex, speed: { factor: f, method: 'pitch' } }] };
  },
  // Sound alone under a speed change, half kept in pitch and half not (by index, so the mix is exact).
  audio_only_speed(rng, ctx, ref, i) {
    const ex = excerpt(rng, ref, 8, 25);
    const f = speedFactor(rng);
    const method = i % 2 === 0 ? 'tempo' : 'pitch';
    const sound = [{ ...ex, speed: { factor: f, method } }];
    const pic = otherPicture(rng, ctx, outDur(sound[0]));
    return { tags: [pic.tag, 'speed', method === 'tempo' ? 'atempo' : 'asetrate'], picture: pic.pieces, sound };
  },
  // The whole episode, but its picture is hard to see (a small inset or a heavy crop) and music is laid under the dialogue.
  music_bed(rng, ctx, ref) {
    const ex = excerpt(rng, ref, 10, 25);
    const bed = rng.pick(ctx.beds);
    const under = { bed: bed.id, start: r3(rng.uni(0, BED_SECONDS - ex.dur - 0.5)), rel_db: r2(-rng.uni(6, 12)) };
    let edit, tag;
    if (rng.chance(0.5)) {
      tag = 'pip';
      edit = { op: 'pip', scale: r3(rng.uni(0.25, 0.35)), corner: rng.pick(['tl', 'tr', 'bl', 'br']), bg: otherPicture(rng, ctx, ex.dur, false).pieces };
    } else {
      tag = 'heavy_crop';
      edit = { op: 'crop', fx: r3(rng.uni(0.3, 0.45)), fy: r3(rng.uni(0.3, 0.45)), ox: r3(rng.next()), oy: r3(rng.next()) };
    }
    return { tags: ['music_bed', tag], picture: [{ ...ex, edit }], sound: [{ ...ex, bed: under }] };
  },
  // Louder or quieter, then a 32–48 kb/s mono AAC: what a phone re-upload does to the sound.
  volume_reencode(rng, ctx, ref) {
    const ex = excerpt(rng, ref, 8, 25);
    const gain = r2(rng.uni(6, 12) * (rng.chance(0.5) ? 1 : -1));
    return {
      tags: [gain > 0 ? 'volume_up' : 'volume_down', 'mono_low_bitrate'],
      picture: [ex],
      sound: [{ ...ex, gain_db: gain }],
      audio: { kbps: rng.pick([32, 40, 48]), channels: 1 },
    };
  },
  // 5–7 s of the episode's sound under other pictures, sometimes with other sound before or after.
  short_excerpt(rng, ctx, ref) {
    const ex = excerpt(rng, ref, 5, 7);
    const sound = [ex], tags = [];
    if (rng.chance(0.4)) {
      sound.unshift(otherSound(rng, ctx, r3(rng.uni(1, 3))).piece);
      tags.push('lead_in');
    }
    if (rng.chance(0.3)) {
      sound.push(otherSound(rng, ctx, r3(rng.uni(1, 3))).piece);
      tags.push('tail');
    }
    const pic = otherPicture(rng, ctx, sound.reduce((s, p) => s + p.dur, 0));
    return { tags: [pic.tag, ...tags], picture: pic.pieces, sound };
  },
};

const negativeLength = (rng) => r3(rng.uni(6, 20));

// Negatives: unregistered pictures and a sound that is no episode's. (Episode
// pictures under other sound are positives for the picture matcher, so none here.)
const NEGATIVES = {
  neg_other_speech(rng, ctx) {
    const T = negativeLength(rng);
    const other = otherSound(rng, ctx, T, ['speech']);
    const pic = otherPicture(rng, ctx, T);
    return { tags: [pic.tag, 'speech'], picture: pic.pieces, sound: [other.piece] };
  },
  neg_music(rng, ctx) {
    const T = negativeLength(rng);
    const other = otherSound(rng, ctx, T, ['synth_music', 'synth_music', 'music']);
    const pic = otherPicture(rng, ctx, T);
    return { tags: [pic.tag, other.tag], picture: pic.pieces, sound: [other.piece] };
  },
  // by index, so the four kinds of quiet are all there: digital silence, two noise floors, a quiet stream
  neg_silence(rng, ctx, i) {
    const T = negativeLength(rng);
    const pic = otherPicture(rng, ctx, T);
    const what = ['silence', 'noise', 'noise', 'ambience'][i % 4];
    let piece;
    if (what === 'silence') piece = { kind: 'silence', dur: T };
    else if (what === 'noise') piece = { kind: 'noise', color: rng.pick(['pink', 'white', 'brown']), amp: r3(rng.uni(0.002, 0.01)), seed: rng.int(1, 1_000_000), dur: T };
    else piece = otherSound(rng, ctx, T, ['ambience']).piece;
    return { tags: [pic.tag, what], picture: pic.pieces, sound: [piece] };
  },
};

export const POSITIVE_FAMILIES = Object.keys(FAMILIES);
export const NEGATIVE_FAMILIES = Object.keys(NEGATIVES);

/** Delivery: 360x640 or 540x960, H.264 CRF 23–28, AAC 64–128 kb/s stereo unless the family says otherwise. */
function delivery(rng, q) {
  q.size = rng.pick([[360, 640], [540, 960]]);
  q.crf = rng.int(23, 28);
  const kbps = rng.pick([64, 96, 128]);
  q.audio = { kbps, channels: 2, ...(q.audio ?? {}) };
  return q;
}

/**
 * ctx: {refs: [{name, duration}], distractors: [{id, duration}], distractorSounds: [{id, duration, sound}]}.
 * Returns {beds, queries}; queries carry their names (q001…, in shuffled order, as the dev set's).
 */
export function planSet(rng, ctx) {
  const beds = Array.from({ length: BEDS }, (_, i) => planBed(rng, `bed${i + 1}`));
  const c = { ...ctx, beds };
  const queries = [];
  for (const family of POSITIVE_FAMILIES) {
    // every ref in every family before any ref comes twice
    const refs = [];
    while (refs.length < POSITIVES_PER_FAMILY) refs.push(...rng.shuffle(ctx.refs));
    for (let i = 0; i < POSITIVES_PER_FAMILY; i++) queries.push(delivery(rng, { family, positive: true, ...FAMILIES[family](rng, c, refs[i], i) }));
  }
  for (const family of NEGATIVE_FAMILIES) {
    for (let i = 0; i < NEGATIVES_PER_FAMILY; i++) queries.push(delivery(rng, { family, positive: false, ...NEGATIVES[family](rng, c, i) }));
  }
  const order = rng.shuffle(queries.map((_, i) => i));
  order.forEach((idx, k) => {
    queries[idx].name = `q${String(k + 1).padStart(3, '0')}`;
  });
  return { beds, queries: queries.sort((a, b) => a.name.localeCompare(b.name)) };
}

/**
 * Ground truth in each file's own timeline: every piece of a registered
 * episode, on either track, at its place in the query (speed accounted for).
 * A piece copied on both tracks at once is one segment.
 */
export function truthSegments(q) {
  const segs = new Map();
  for (const track of [q.picture, q.sound]) {
    let t = 0;
    for (const p of track) {
      const out = outDur(p);
      if (p.kind === 'ref') {
        const s = { ref: p.ref, ref_start: r3(p.start), ref_end: r3(p.start + p.dur), query_start: r3(t), query_end: r3(t + out) };
        segs.set(JSON.stringify(s), s);
      }
      t += out;
    }
  }
  return [...segs.values()];
}

export const queryLength = (q) => r3(q.sound.reduce((s, p) => s + outDur(p), 0));
