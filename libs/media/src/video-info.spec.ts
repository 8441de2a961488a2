import { MediaError } from './media-error';
import { videoInfoFromProbe } from './video-info';

const video = { codec_type: 'video', codec_name: 'h264', width: 360, height: 640 };
const audio = { codec_type: 'audio', codec_name: 'aac' };

describe('videoInfoFromProbe', () => {
  it('reads duration, size, codec and audio presence', () => {
    expect(videoInfoFromProbe({ format: { duration: '12.5' }, streams: [video, audio] })).toEqual({
      durationSeconds: 12.5,
      width: 360,
      height: 640,
      codec: 'h264',
      hasAudio: true,
    });
  });

  it('swaps the sides of a video shown rotated by 90 degrees', () => {
    const rotated = { ...video, width: 640, height: 360, side_data_list: [{ rotation: -90 }] };
    expect(videoInfoFromProbe({ format: { duration: 3 }, streams: [rotated] })).toMatchObject({ width: 360, height: 640 });
    const tagged = { ...video, width: 640, height: 360, tags: { rotate: '270' } };
    expect(videoInfoFromProbe({ format: { duration: 3 }, streams: [tagged] })).toMatchObject({ width: 360, height: 640 });
  });

  it('stretches the width of non-square pixels', () => {
    const anamorphic = { ...video, width: 720, height: 576, sample_aspect_ratio: '16:15' };
    expect(videoInfoFromProbe({ format: { duration: 3 }, streams: [anamorphic] })).toMatchObject({ width: 768, height: 576 });
  });

  it('falls back to the stream duration', () => {
    expect(videoInfoFromProbe({ format: {}, streams: [{ ...video, duration: '4.0' }] }).durationSeconds).toBe(4);
  });

  it('treats audio with cover art as having no video', () => {
    const cover = { ...video, codec_name: 'mjpeg', disposition: { attached_pic: 1 } };
    expect(() => videoInfoFromProbe({ format: { duration: 100 }, streams: [audio, cover] })).toThrow(
      expect.objectContaining({ code: 'no_video_stream' }),
    );
  });

  it('rejects a stream without size or a file without duration', () => {
    expect(() => videoInfoFromProbe({ format: { duration: 1 }, streams: [{ codec_type: 'video' }] })).toThrow(MediaError);
    expect(() => videoInfoFromProbe({ format: { duration: 'N/A' }, streams: [video] })).toThrow(/does not state a duration/);
  });
});
