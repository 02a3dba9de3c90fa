import type { Server, ServerResponse } from 'node:http';
import { Injectable } from '@nestjs/common';

/**
 * The drain on SIGTERM: /health/ready turns 503 so load balancers stop sending new requests, responses sent while
 * draining carry `Connection: close`, and main.ts keeps the listener open until every response in flight has been
 * handed to the kernel (or SHUTDOWN_GRACE_MS passes). Closing earlier truncated large responses: Node's server.close()
 * destroys keep-alive sockets whose response was ended but is still buffered, so clients read "other side closed".
 */
@Injectable()
export class ShutdownState {
  private draining = false;
  private readonly inFlight = new Set<ServerResponse>();
  private readonly waiters: (() => void)[] = [];

  /** Counts every response from its request until Node reports it written out ('close' follows 'finish' or an abort). */
  public track(server: Server): void {
    const { inFlight, waiters } = this;
    // One listener for every response ('close' comes once, with the response as `this`): no closure or once-wrapper
    // per request.
    function closed(this: ServerResponse): void {
      inFlight.delete(this);
      if (inFlight.size === 0) waiters.splice(0).forEach((wake) => wake());
    }
    server.on('request', (_request, response: ServerResponse) => {
      inFlight.add(response);
      if (this.draining && !response.headersSent) response.setHeader('connection', 'close');
      response.on('close', closed);
    });
  }

  public beginDraining(): void {
    this.draining = true;
  }

  public get isDraining(): boolean {
    return this.draining;
  }

  public get requestsInFlight(): number {
    return this.inFlight.size;
  }

  /** Resolves true once no response is in flight, or false when `graceMs` passes first. */
  public settled(graceMs: number): Promise<boolean> {
    if (this.inFlight.size === 0) return Promise.resolve(true);
    return new Promise((done) => {
      const timer = setTimeout(() => done(false), graceMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        done(true);
      });
    });
  }
}
