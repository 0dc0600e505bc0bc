import { request } from 'node:http';

/** The first bytes of a large upload: enough to be more than headers, far less than declared. */
const FIRST_CHUNK_BYTES = 64 * 1024;

/**
 * POSTs the headers of a body declared `declaredBytes` long and only its first 64 KiB, and
 * resolves with the answer. A server that reads the whole body before answering (buffering it)
 * never answers: only one that refuses from the headers alone does.
 */
export const answerBeforeBody = (
  url: string,
  headers: Record<string, string>,
  declaredBytes: number,
): Promise<{ status: number; body: Record<string, unknown> }> =>
  new Promise((resolve, reject) => {
    const upload = request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(declaredBytes) },
    });
    upload.on('error', reject);
    upload.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        // The rest of the body is never sent.
        upload.destroy();
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({
          status: response.statusCode ?? 0,
          body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
        });
      });
    });
    upload.write(Buffer.alloc(Math.min(FIRST_CHUNK_BYTES, declaredBytes)));
  });
