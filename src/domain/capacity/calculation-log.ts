/** Collects the steps and warnings of one calculation, in order. */
import type { CalculationStep, CapacityWarning } from './capacity.types.js';

export class CalculationLog {
  public readonly steps: CalculationStep[] = [];
  public readonly warnings: CapacityWarning[] = [];

  public constructor(warnings: readonly CapacityWarning[] = []) {
    this.warnings.push(...warnings);
  }

  /** Records a rule and returns its value, so arithmetic reads as `const x = log.step('…', a * b, SOURCE)`. */
  public step(rule: string, value: number, source: string): number {
    this.steps.push({ rule, value, source });
    return value;
  }

  public warn(code: string, message: string): void {
    if (!this.warnings.some((warning) => warning.code === code && warning.message === message)) {
      this.warnings.push({ code, message });
    }
  }
}
