import { Injectable } from '@nestjs/common';

/** Flipped when SIGTERM arrives so /health/ready turns 503 and load balancers stop sending new requests. */
@Injectable()
export class ShutdownState {
  private draining = false;

  public beginDraining(): void {
    this.draining = true;
  }

  public get isDraining(): boolean {
    return this.draining;
  }
}
