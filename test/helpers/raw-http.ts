// Raw HTTP over a socket, for what fetch cannot send: a Content-Length it never honours, a body that never ends.
import { connect, type Socket } from 'node:net';

/**
 * Sends `head` (request line and headers, without the blank line) then `body` chunks, and resolves with the
 * status code of the reply and how many body bytes were written before it came (the socket may be cut first).
 */
export function rawExchange(
  port: number,
  head: string,
  body: readonly (string | Buffer)[] = [],
): Promise<{ status: number; bytesWritten: number }> {
  return new Promise((resolve, reject) => {
    let reply = '';
    let bytesWritten = 0;
    let settled = false;
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`${head}\r\n\r\n`);
      const writeNext = (index: number) => {
        const chunk = body[index];
        if (chunk === undefined || socket.destroyed || reply !== '') return;
        socket.write(chunk, (error) => {
          if (error !== undefined && error !== null) return;
          bytesWritten += chunk.length;
          setImmediate(() => writeNext(index + 1));
        });
      };
      writeNext(0);
    });
    const finish = () => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve({ status: Number(reply.split(' ')[1]), bytesWritten });
    };
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n\r\n')) finish();
    });
    socket.on('error', (error) => (reply === '' ? reject(error) : finish()));
    socket.on('close', () => (reply === '' ? reject(new Error('closed without a reply')) : finish()));
  });
}

/** Opens a connection and sends part of a request, then holds it open until `destroy()`. */
export function holdPartialRequest(port: number, partial: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(partial, () => resolve(socket)));
    socket.on('error', reject);
  });
}
