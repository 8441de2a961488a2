import { parseConfig } from '@dramaguard/config';
import { multerOptions } from './multer-options';

describe('multerOptions', () => {
  const config = parseConfig({ MAX_UPLOAD_BYTES: '5000', PATH: '/usr/bin' }, () => true);

  it('streams one file to the staging directory, capped at the configured size', () => {
    const o = multerOptions(config, '/media/incoming');
    expect(o.dest).toBe('/media/incoming');
    expect(o.limits).toMatchObject({ fileSize: 5000, files: 1 });
  });

  it('keeps directory parts of client file names so they can be refused, and reads names as UTF-8', () => {
    expect(multerOptions(config, '/x')).toMatchObject({ preservePath: true, defParamCharset: 'utf8' });
  });
});
