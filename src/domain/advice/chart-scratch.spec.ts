import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { planDesign } from '../plan/index.js';
import { renderPlanSvg } from '../plan/plan-chart.js';
import { awsCatalog, valid } from '../../../test/fixtures/plan/plan-test.helpers.js';
import { overflowDesign } from '../../../test/fixtures/advice/overflow-design.fixture.js';
it('chart', async () => {
  const t = Date.now();
  const svg = await renderPlanSvg(planDesign(valid(overflowDesign()), awsCatalog));
  writeFileSync('/tmp/adv/plan.svg', svg);
  console.log('ms', Date.now() - t, svg.length);
});
