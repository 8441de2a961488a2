/**
 * ffmpeg options to take the one frame shown at `seconds` as a PNG on stdout.
 * `-ss` before the input seeks by key frame and then decodes up to the exact
 * time, so the frame is the one displayed at that instant.
 */
export function frameGrabInputOptions(seconds: number): string[] {
  if (!(Number.isFinite(seconds) && seconds >= 0)) throw new RangeError(`invalid frame time ${seconds}`);
  return ['-ss', seconds.toFixed(3)];
}

/** One frame of the first video stream, scaled to `height` (width keeps the aspect ratio, even), as PNG. */
export function frameGrabOutputOptions(height: number): string[] {
  if (!(Number.isInteger(height) && height > 0 && height % 2 === 0)) throw new RangeError(`invalid frame height ${height}`);
  return ['-map', '0:v:0', '-an', '-sn', '-dn', '-frames:v', '1', '-vf', `scale=-2:${height}`, '-f', 'image2pipe', '-c:v', 'png'];
}
