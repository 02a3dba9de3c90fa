import { Injectable } from '@nestjs/common';
import { InvalidInputError, ValidationFailedError } from '../../domain/errors/planning-error.js';
import { MetricsService } from '../../platform/metrics/metrics.service.js';
import { ComputePool } from '../../platform/compute/compute-pool.js';
import { inEksctlPaths } from '../../domain/eksctl/index.js';
import type { CniExport, EksctlExport, ImportWarning, UnsupportedField } from '../../domain/eksctl/index.js';
import type { DesignWithSpec } from './designs.repository.js';
import { DesignsService } from './designs.service.js';

export interface EksctlImportOutcome {
  design: DesignWithSpec;
  unsupported: UnsupportedField[];
  warnings: ImportWarning[];
}

/** eksctl ClusterConfig ⇄ saved designs, and the VPC CNI configuration a saved design implies. */
@Injectable()
export class EksctlBridgeService {
  public constructor(
    private readonly designs: DesignsService,
    private readonly metrics: MetricsService,
    private readonly compute: ComputePool,
  ) {}

  /** Imports a ClusterConfig and saves it as a new design (revision 1); the spec is validated like any other. */
  public async importAndSave(yaml: unknown, actor?: string): Promise<EksctlImportOutcome> {
    if (typeof yaml !== 'string') {
      throw new InvalidInputError(
        'MALFORMED_YAML',
        'Send the ClusterConfig as YAML text (Content-Type: application/yaml) or as {"yaml": "…"}.',
        [{ path: '', message: 'not YAML text' }],
      );
    }
    const imported = await this.metrics.timeEngineAsync('eksctl.import', () => this.compute.run('eksctlImport', { yaml }));
    let design: DesignWithSpec;
    try {
      design = await this.designs.create(imported.spec, actor);
    } catch (error) {
      // The caller wrote a ClusterConfig, so the design's validation errors name its paths.
      throw error instanceof ValidationFailedError ? inEksctlPaths(error, imported) : error;
    }
    return { design, unsupported: imported.unsupported, warnings: imported.warnings };
  }

  public async exportEksctl(id: string, revision?: number): Promise<EksctlExport> {
    const spec = (revision === undefined ? await this.designs.get(id) : await this.designs.revision(id, revision)).spec;
    return this.metrics.timeEngineAsync('eksctl.export', () => this.compute.run('eksctlExport', { spec }));
  }

  public async exportCni(id: string, revision?: number): Promise<CniExport> {
    const spec = (revision === undefined ? await this.designs.get(id) : await this.designs.revision(id, revision)).spec;
    return this.metrics.timeEngineAsync('eksctl.export_cni', () => this.compute.run('cniExport', { spec }));
  }
}
