/**
 * A multipart/form-data body built by hand, because HTTP clients strip
 * directories from file names and a test must be able to send them.
 */
export function rawMultipart(fields: Record<string, string>, file: { field: string; filename: string; data: Buffer }): { contentType: string; body: Buffer } {
  const boundary = `----dg${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.filename}"\r\nContent-Type: video/mp4\r\n\r\n`),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}
