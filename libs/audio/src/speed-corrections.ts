/**
 * The speeds a clip's soundtrack is heard at: pirates speed episodes up or
 * down by 0.8–1.25×, by changing the tempo (pitch kept) or by resampling (pitch
 * changed with it). Chromaprint survives neither, but tolerates about 3 % of
 * residual tempo error over an item, so the clip is corrected to each step of
 * a geometric grid 4.6 % apart and each correction is matched.
 */
export interface SpeedCorrection {
  /** Episode seconds per clip second that the correction undoes. */
  readonly speed: number;
  readonly pitchChanged: boolean;
}

const STEPS = 5;
const LOWEST = 0.8;
const HIGHEST = 1.25;

export function speedCorrections(): SpeedCorrection[] {
  const out: SpeedCorrection[] = [{ speed: 1, pitchChanged: false }];
  for (let i = 1; i <= STEPS; i++) {
    for (const speed of [HIGHEST ** (i / STEPS), LOWEST ** (i / STEPS)]) {
      const s = Math.round(speed * 10000) / 10000;
      out.push({ speed: s, pitchChanged: false }, { speed: s, pitchChanged: true });
    }
  }
  return out;
}
