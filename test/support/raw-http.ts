import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** How the connection ended: `ended` (the server closed it after answering), `reset`, or `timeout`. */
  ending: 'ended' | 'reset' | 'timeout' | 'open';
}

/**
 * Sends raw bytes (what no HTTP client library lets a test send: bad header bytes, a bad `%`, chunked bodies over the
 * limit) and reads whatever comes back. `chunks` are written one after the other, `gapMs` apart.
 */
export function rawRequest(
  port: number,
  chunks: (string | Buffer)[],
  options: { gapMs?: number; waitMs?: number } = {},
): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let ending: RawResponse['ending'] = 'open';
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(Buffer.concat(received).toString('latin1'), ending));
    };
    const timer = setTimeout(() => {
      ending = received.length > 0 ? 'open' : 'timeout';
      finish();
    }, options.waitMs ?? 5_000);
    socket.on('data', (data) => {
      received.push(data);
      const text = Buffer.concat(received).toString('latin1');
      const head = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: *(\d+)/i.exec(text)?.[1];
      if (head >= 0 && length !== undefined && text.length >= head + 4 + Number(length)) finish();
    });
    socket.on('end', () => {
      ending = 'ended';
      finish();
    });
    socket.on('error', () => {
      ending = 'reset';
      finish();
    });
    const send = async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        socket.write(chunk);
        if (options.gapMs) await new Promise((done) => setTimeout(done, options.gapMs));
      }
    };
    socket.on('connect', () => void send());
  });
}

function parse(text: string, ending: RawResponse['ending']): RawResponse {
  const head = text.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = (head >= 0 ? text.slice(0, head) : text).split('\r\n');
  const headers = Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body: head >= 0 ? text.slice(head + 4) : '', ending };
}
