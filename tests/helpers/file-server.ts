import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local HTTP server for download tests. Each route answers one way, good or broken:
 *   /ok/<name>         the file, with Content-Length
 *   /chunked/<name>    the file, no Content-Length
 *   /missing/<name>    404
 *   /truncated/<name>  Content-Length of the whole file, then half of it and a cut socket
 *   /slow/<name>       the first chunk, then the rest after a long pause
 * `files` may be changed between requests.
 */
export interface FileServer {
  readonly baseUrl: string;
  readonly files: Map<string, Uint8Array>;
  readonly requests: string[];
  close(): Promise<void>;
}

function respond(files: Map<string, Uint8Array>, req: IncomingMessage, res: ServerResponse): void {
  const [, mode, ...rest] = (req.url ?? '/').split('/');
  const body = files.get(rest.join('/'));
  if (mode === 'missing' || !body) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not Found');
    return;
  }
  switch (mode) {
    case 'ok':
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length });
      res.end(body);
      return;
    case 'chunked':
      res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      res.write(body.subarray(0, Math.floor(body.length / 2)));
      res.end(body.subarray(Math.floor(body.length / 2)));
      return;
    case 'truncated':
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length });
      res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
      return;
    case 'slow': {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length });
      res.write(body.subarray(0, 1024));
      const timer = setTimeout(() => res.end(body.subarray(1024)), 30_000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    default:
      res.writeHead(400);
      res.end();
  }
}

export async function startFileServer(files: Record<string, Uint8Array> = {}): Promise<FileServer> {
  const map = new Map(Object.entries(files));
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    respond(map, req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    files: map,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
