import { Global, Module } from '@nestjs/common';
import { ComputePool } from './compute-pool.js';

/** The worker pool of CPU-heavy engine calls, one per process (destroyed on shutdown, after the drain). */
@Global()
@Module({
  providers: [ComputePool],
  exports: [ComputePool],
})
export class ComputeModule {}
