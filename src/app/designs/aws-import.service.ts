import { Injectable } from '@nestjs/common';
import { importAwsBundle, type AwsImportWarning, type AwsUnsupported } from '../../domain/aws-import/index.js';
import { MetricsService } from '../../platform/metrics/metrics.service.js';
import type { DesignWithSpec } from './designs.repository.js';
import { DesignsService } from './designs.service.js';

export interface AwsImportOutcome {
  design: DesignWithSpec;
  unsupported: AwsUnsupported[];
  warnings: AwsImportWarning[];
}

/** AWS CLI outputs → a saved design (revision 1); the spec is validated like any other before anything is saved. */
@Injectable()
export class AwsImportService {
  public constructor(
    private readonly designs: DesignsService,
    private readonly metrics: MetricsService,
  ) {}

  public async importAndSave(bundle: unknown, actor?: string, now: Date = new Date()): Promise<AwsImportOutcome> {
    const observedAt = `${now.toISOString().slice(0, 19)}Z`;
    const imported = this.metrics.timeEngine('aws.import', () => importAwsBundle(bundle, { observedAt }));
    const design = await this.designs.create(imported.spec, actor);
    return { design, unsupported: imported.unsupported, warnings: imported.warnings };
  }
}
