/**
 * The designs service against an in-memory store: every revision branch (If-Match / expectedRevision required, stale,
 * increments, not found, invalid specs saving nothing). The e2e specs cover the wiring (headers, status codes, GraphQL).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { AWS_CATALOG } from '../../domain/catalog/data/aws-catalog.data.js';
import { NotFoundError, PlanningError, ValidationFailedError } from '../../domain/errors/planning-error.js';
import type { DesignSpec } from '../../domain/spec/design-spec.types.js';
import { InMemoryDesignStore } from '../../../test/fixtures/designs/in-memory-design.store.js';
import { validDesign } from '../../../test/fixtures/spec/valid-design.fixture.js';
import { RevisionConflictError, RevisionRequiredError } from './design-errors.js';
import { DesignsService, type CatalogIndexSource } from './designs.service.js';

const awsNames = new Set(AWS_CATALOG.instanceTypes.map((type) => type.name));
const catalogs: CatalogIndexSource = {
  index: (catalog) =>
    catalog === AWS_CATALOG.name
      ? Promise.resolve({ names: awsNames })
      : Promise.reject(new NotFoundError('CATALOG_NOT_FOUND', `No catalog "${catalog}".`)),
};

async function rejection<E extends Error>(promise: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(type);
  return error as E;
}

const codeOf = (error: unknown) => (error as PlanningError).code;
const resized = (spec: DesignSpec, desiredSize: number): DesignSpec => ({
  ...spec,
  nodeGroups: spec.nodeGroups.map((group, index) => (index === 0 ? { ...group, desiredSize } : group)),
});

describe('DesignsService', () => {
  let store: InMemoryDesignStore;
  let sut: DesignsService;
  beforeEach(() => {
    store = new InMemoryDesignStore();
    sut = new DesignsService(store, catalogs);
  });

  describe('create and read', () => {
    it('saves revision 1 with the actor and reads it back', async () => {
      const created = await sut.create(validDesign(), 'alice');
      expect(created).toMatchObject({ revision: 1, name: 'payments-prod', createdBy: 'alice', updatedBy: 'alice' });
      expect((await sut.get(created.id)).spec).toEqual(validDesign());
      expect((await sut.revisions(created.id)).map((r) => r.revision)).toEqual([1]);
    });

    it('drops null properties before validating', async () => {
      const created = await sut.create({ ...validDesign(), owner: null }, undefined);
      expect(created.spec).not.toHaveProperty('owner');
    });

    it('refuses an invalid spec and saves nothing', async () => {
      const error = await rejection(sut.create({ ...validDesign(), region: 'mars' }, 'alice'), ValidationFailedError);
      expect(error.details.map((detail) => detail.path)).toContain('region');
      expect(await sut.list({})).toEqual({ items: [], nextCursor: null });
    });

    it('answers DESIGN_NOT_FOUND for unknown and malformed ids without asking the store', async () => {
      expect(codeOf(await rejection(sut.get('5f0c3b9e-8a47-4a55-9e4c-1f2d3c4b5a69'), NotFoundError))).toBe('DESIGN_NOT_FOUND');
      expect(codeOf(await rejection(sut.get('not-a-uuid'), NotFoundError))).toBe('DESIGN_NOT_FOUND');
      expect(codeOf(await rejection(sut.revisions('not-a-uuid'), NotFoundError))).toBe('DESIGN_NOT_FOUND');
    });

    it('validates against the catalog the spec names: an unknown catalog makes every instance type unknown', async () => {
      const error = await rejection(sut.create({ ...validDesign(), catalog: 'nowhere' }, undefined), ValidationFailedError);
      expect(error.details.length).toBeGreaterThan(0);
    });
  });

  describe('update', () => {
    it('refuses a write without the revision it is based on (428), before validating or storing', async () => {
      const { id } = await sut.create(validDesign(), undefined);
      const error = await rejection(sut.update(id, undefined, { broken: true }, undefined, 'If-Match'), RevisionRequiredError);
      expect(error.code).toBe('REVISION_REQUIRED');
      expect(error.message).toContain('If-Match');
      expect((await sut.get(id)).revision).toBe(1);
    });

    it('increments the revision on each write and keeps every revision', async () => {
      const { id } = await sut.create(validDesign(), 'alice');
      const second = await sut.update(id, 1, resized(validDesign(), 9), 'bob', 'If-Match');
      const third = await sut.update(id, 2, { ...resized(validDesign(), 9), name: 'renamed' }, 'carol', 'If-Match');

      expect(second).toMatchObject({ revision: 2, updatedBy: 'bob', createdBy: 'alice' });
      expect(third).toMatchObject({ revision: 3, name: 'renamed', updatedBy: 'carol' });
      expect((await sut.revisions(id)).map((r) => [r.revision, r.createdBy])).toEqual([
        [1, 'alice'],
        [2, 'bob'],
        [3, 'carol'],
      ]);
      expect((await sut.revision(id, 1)).spec).toEqual(validDesign());
      expect((await sut.revision(id, 2)).spec.nodeGroups[0].desiredSize).toBe(9);
    });

    it('answers REVISION_CONFLICT (412) naming both revisions when the expected revision is stale, and changes nothing', async () => {
      const { id } = await sut.create(validDesign(), undefined);
      await sut.update(id, 1, resized(validDesign(), 9), undefined, 'If-Match');

      const error = await rejection(sut.update(id, 1, resized(validDesign(), 4), undefined, 'If-Match'), RevisionConflictError);
      expect(error.code).toBe('REVISION_CONFLICT');
      expect(error.message).toBe('Expected revision 1 but the design is at revision 2; re-read it and retry.');
      expect((await sut.get(id)).spec.nodeGroups[0].desiredSize).toBe(9);
      expect((await sut.revisions(id)).length).toBe(2);
    });

    it('is a conflict too when the expected revision is ahead of the design', async () => {
      const { id } = await sut.create(validDesign(), undefined);
      const error = await rejection(sut.update(id, 7, validDesign(), undefined, 'expectedRevision'), RevisionConflictError);
      expect(error.message).toContain('Expected revision 7 but the design is at revision 1');
    });

    it('of two writers based on the same revision, exactly one wins', async () => {
      const { id } = await sut.create(validDesign(), undefined);
      const outcomes = await Promise.allSettled([
        sut.update(id, 1, resized(validDesign(), 5), 'a', 'If-Match'),
        sut.update(id, 1, resized(validDesign(), 6), 'b', 'If-Match'),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const [lost] = outcomes.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      expect(lost.reason).toBeInstanceOf(RevisionConflictError);
      expect((await sut.get(id)).revision).toBe(2);
    });

    it('validates the new spec before looking the design up: an invalid body is a 400 even for an unknown id', async () => {
      const error = await rejection(
        sut.update('not-a-uuid', 1, { ...validDesign(), region: 'mars' }, undefined, 'If-Match'),
        ValidationFailedError,
      );
      expect(error.code).toBe('VALIDATION_FAILED');
    });

    it('answers DESIGN_NOT_FOUND for a valid spec sent to an unknown or malformed id', async () => {
      const unknown = '5f0c3b9e-8a47-4a55-9e4c-1f2d3c4b5a69';
      expect(codeOf(await rejection(sut.update(unknown, 1, validDesign(), undefined, 'If-Match'), NotFoundError))).toBe('DESIGN_NOT_FOUND');
      expect(codeOf(await rejection(sut.update('x', 1, validDesign(), undefined, 'If-Match'), NotFoundError))).toBe('DESIGN_NOT_FOUND');
    });
  });

  describe('delete', () => {
    it('deletes with the current revision or with none, and then the design and its revisions are gone', async () => {
      const first = await sut.create(validDesign(), undefined);
      const second = await sut.create(validDesign(), undefined);
      await sut.delete(first.id, 1);
      await sut.delete(second.id);
      for (const id of [first.id, second.id]) {
        expect(codeOf(await rejection(sut.get(id), NotFoundError))).toBe('DESIGN_NOT_FOUND');
        expect(codeOf(await rejection(sut.revision(id, 1), NotFoundError))).toBe('DESIGN_NOT_FOUND');
      }
    });

    it('refuses a stale expected revision (412) and keeps the design', async () => {
      const { id } = await sut.create(validDesign(), undefined);
      const error = await rejection(sut.delete(id, 7), RevisionConflictError);
      expect(error.message).toBe('Expected revision 7 but the design is at revision 1; re-read it and retry.');
      expect((await sut.get(id)).revision).toBe(1);
    });

    it('answers DESIGN_NOT_FOUND for unknown and malformed ids', async () => {
      expect(codeOf(await rejection(sut.delete('5f0c3b9e-8a47-4a55-9e4c-1f2d3c4b5a69'), NotFoundError))).toBe('DESIGN_NOT_FOUND');
      expect(codeOf(await rejection(sut.delete('not-a-uuid', 1), NotFoundError))).toBe('DESIGN_NOT_FOUND');
    });
  });

  describe('revisions', () => {
    it.each([0, -1, 1.5, 2 ** 31, Number.NaN])('answers REVISION_NOT_FOUND for revision %s of an existing design', async (revision) => {
      const { id } = await sut.create(validDesign(), undefined);
      expect(codeOf(await rejection(sut.revision(id, revision), NotFoundError))).toBe('REVISION_NOT_FOUND');
    });

    it('answers REVISION_NOT_FOUND for a revision past the current one', async () => {
      const { id } = await sut.create(validDesign(), undefined);
      const error = await rejection(sut.revision(id, 2), NotFoundError);
      expect(error.message).toBe(`Design ${id} has no revision 2.`);
    });
  });

  describe('list', () => {
    it('filters by owner and tag and pages with an opaque cursor, in creation order', async () => {
      for (let i = 0; i < 5; i += 1) {
        await sut.create({ ...validDesign(), name: `list-${i}`, owner: 'team', tags: i % 2 === 0 ? ['even'] : ['odd'] }, undefined);
      }
      await sut.create({ ...validDesign(), name: 'other', owner: 'someone-else' }, undefined);

      const names: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await sut.list({ owner: 'team', limit: 2, cursor });
        expect(page.items.length).toBeLessThanOrEqual(2);
        names.push(...page.items.map((item) => item.name));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(names).toEqual(['list-0', 'list-1', 'list-2', 'list-3', 'list-4']);
      expect((await sut.list({ owner: 'team', tag: 'even' })).items.map((item) => item.name)).toEqual(['list-0', 'list-2', 'list-4']);
    });

    it('refuses a cursor that does not name a position', async () => {
      const error = await rejection(sut.list({ cursor: 'garbage' }), PlanningError);
      expect(error.code).toBe('INVALID_CURSOR');
    });
  });
});
