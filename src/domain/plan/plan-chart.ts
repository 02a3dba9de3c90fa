/**
 * The plan as a picture (GET /v1/designs/{id}/plan.svg, `Accept: image/svg+xml` on the plan and what-if routes): one bar
 * per subnet with the addresses used at min, desired and max size (and observed use where the design has it) as a share
 * of its usable addresses, the 80 % line and the 100 % line. Rendered by Vega's headless View (`toSVG`, no canvas).
 */
import { parse, View, type Spec } from 'vega';
import type { DesignPlan, SubnetPlan } from './plan.types.js';

/** The share of usable addresses above which a subnet is tight (the advisor's limit; drawn as a dashed line). */
export const CHART_LIMIT_PERCENT = 80;
const ROW_HEIGHT = 46;
const WIDTH = 640;
const COLOURS = {
  usable: '#e5e7eb',
  min: '#1e3a8a',
  desired: '#3b82f6',
  max: '#93c5fd',
  tight: '#f59e0b',
  over: '#dc2626',
  observed: '#111827',
};

/** One subnet as the chart draws it. */
export interface SubnetBar {
  name: string;
  label: string;
  usable: number;
  min: number;
  desired: number;
  max: number;
  /** Addresses in use as AWS reports them (observed state); null when the design has none. */
  observed: number | null;
}

export function subnetBars(plan: DesignPlan): SubnetBar[] {
  return plan.subnets.map((subnet) => ({
    name: subnet.name,
    label: `${subnet.name} (${subnet.cidr})`,
    usable: subnet.usableIps,
    min: subnet.usedIps.min,
    desired: subnet.usedIps.desired,
    max: subnet.usedIps.max,
    observed: observedUsedIps(subnet),
  }));
}

/** Observed use of a subnet now: its usable addresses less what AWS reports available (subnets[].observed); null without. */
function observedUsedIps(subnet: SubnetPlan): number | null {
  return subnet.observed ? Math.max(0, subnet.usableIps - subnet.observed.availableIps) : null;
}

/** The Vega specification of the chart (exported so tests and clients can read what is drawn). */
export function planChartSpec(plan: DesignPlan): Spec {
  const bars = subnetBars(plan).map((bar) => {
    const percent = (value: number): number => (bar.usable > 0 ? (100 * value) / bar.usable : value > 0 ? Infinity : 0);
    const pMax = percent(bar.max);
    return {
      ...bar,
      pMin: percent(bar.min),
      pDesired: percent(bar.desired),
      pMax,
      pObserved: bar.observed === null ? null : percent(bar.observed),
      state: pMax > 100 ? 'over' : pMax > CHART_LIMIT_PERCENT ? 'tight' : 'ok',
      text:
        `max ${bar.max} of ${bar.usable} usable (${Number.isFinite(pMax) ? Math.round(pMax) : '∞'} %) · desired ${bar.desired} · min ${bar.min}` +
        (bar.observed === null ? '' : ` · observed ${bar.observed}`) +
        (bar.max > bar.usable ? ` · ${bar.max - bar.usable} short` : ''),
    };
  });
  const highest = Math.max(100, ...bars.map((bar) => (Number.isFinite(bar.pMax) ? bar.pMax : 100)));
  const domainMax = Math.min(400, Math.ceil((highest + 10) / 10) * 10);
  const band = (fraction: number) => ({
    yc: { scale: 'y', field: 'label', band: 0.5 },
    height: { scale: 'y', band: fraction },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    description: `Subnet addresses of ${plan.designName} at min, desired and max size`,
    width: WIDTH,
    height: Math.max(1, bars.length) * ROW_HEIGHT,
    padding: 12,
    autosize: 'pad',
    title: {
      text: `${plan.designName}: subnet addresses at min / desired / max size`,
      subtitle: `Share of usable addresses (AWS reserves 5 per subnet); dashed line ${CHART_LIMIT_PERCENT} %, solid line 100 %`,
      anchor: 'start',
    },
    data: [
      { name: 'subnets', values: bars },
      { name: 'observed', source: 'subnets', transform: [{ type: 'filter', expr: 'datum.pObserved !== null' }] },
    ],
    scales: [
      { name: 'y', type: 'band', domain: { data: 'subnets', field: 'label' }, range: 'height', paddingInner: 0.25, paddingOuter: 0.15 },
      { name: 'x', type: 'linear', domain: [0, domainMax], range: 'width', clamp: true, nice: false },
      {
        name: 'series',
        type: 'ordinal',
        domain: ['min', 'desired', 'max', 'over 80 %', 'over 100 %', 'observed'],
        range: [COLOURS.min, COLOURS.desired, COLOURS.max, COLOURS.tight, COLOURS.over, COLOURS.observed],
      },
    ],
    axes: [
      { orient: 'left', scale: 'y', labelLimit: 260, labelFontSize: 11 },
      { orient: 'bottom', scale: 'x', title: '% of usable addresses', tickCount: 8 },
    ],
    legends: [{ fill: 'series', orient: 'top', direction: 'horizontal', symbolType: 'square' }],
    marks: [
      bar(
        'usable-bar',
        band(0.9),
        { value: 0 },
        { value: 100 },
        { value: COLOURS.usable },
        "datum.name + ': ' + datum.usable + ' usable addresses'",
      ),
      bar(
        'used-max',
        band(0.9),
        { value: 0 },
        { field: 'pMax' },
        { signal: `datum.state === 'over' ? '${COLOURS.over}' : datum.state === 'tight' ? '${COLOURS.tight}' : '${COLOURS.max}'` },
        "datum.name + ': ' + datum.max + ' used at max size'",
      ),
      bar(
        'used-desired',
        band(0.55),
        { value: 0 },
        { field: 'pDesired' },
        { value: COLOURS.desired },
        "datum.name + ': ' + datum.desired + ' used at desired size'",
      ),
      bar(
        'used-min',
        band(0.25),
        { value: 0 },
        { field: 'pMin' },
        { value: COLOURS.min },
        "datum.name + ': ' + datum.min + ' used at min size'",
      ),
      {
        type: 'rect',
        name: 'observed-use',
        from: { data: 'observed' },
        encode: {
          enter: {
            yc: { scale: 'y', field: 'label', band: 0.5 },
            height: { scale: 'y', band: 1 },
            xc: { scale: 'x', field: 'pObserved' },
            width: { value: 3 },
            fill: { value: COLOURS.observed },
            description: { signal: "datum.name + ': ' + datum.observed + ' in use (observed)'" },
          },
        },
      },
      limitLine('limit-80', CHART_LIMIT_PERCENT, [5, 4]),
      limitLine('limit-100', 100, []),
      {
        type: 'text',
        name: 'bar-label',
        from: { data: 'subnets' },
        encode: {
          enter: {
            x: { scale: 'x', value: 0, offset: 4 },
            y: { scale: 'y', field: 'label', band: 1, offset: 9 },
            text: { field: 'text' },
            fontSize: { value: 10 },
            fill: { value: '#111827' },
          },
        },
      },
    ],
  } as Spec;
}

/** The chart as a standalone SVG document. */
export async function renderPlanSvg(plan: DesignPlan): Promise<string> {
  const view = new View(parse(planChartSpec(plan)), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function bar(name: string, position: object, x: object, x2: object, fill: object, description: string): object {
  return {
    type: 'rect',
    name,
    from: { data: 'subnets' },
    encode: { enter: { ...position, x: { scale: 'x', ...x }, x2: { scale: 'x', ...x2 }, fill, description: { signal: description } } },
  };
}

function limitLine(name: string, percent: number, dash: number[]): object {
  return {
    type: 'rule',
    name,
    encode: {
      enter: {
        x: { scale: 'x', value: percent },
        y: { value: 0 },
        y2: { signal: 'height' },
        stroke: { value: percent === 100 ? '#111827' : '#6b7280' },
        strokeWidth: { value: 1.5 },
        strokeDash: { value: dash },
      },
    },
  };
}
