import { getMetadataStorage } from 'class-validator';

/**
 * class-validator recomputes a DTO's validation metadata on every validation: it walks every registered class to find
 * parents and dedupes inherited properties pairwise. That was the largest cost of a cheap validated request in the
 * benchmark profile, and the answer never changes once the decorators have run, so it is memoized here per class
 * and options; registering new metadata clears the memo.
 */
let installed = false;

export function cacheValidationMetadata(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage();
  const compute = storage.getTargetValidationMetadatas.bind(storage);
  const add = storage.addValidationMetadata.bind(storage);
  const memo = new Map<unknown, Map<string, ReturnType<typeof compute>>>();

  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}|${always}|${strictGroups}|${groups?.join('\u0000') ?? ''}`;
    let perTarget = memo.get(target);
    if (!perTarget) {
      perTarget = new Map();
      memo.set(target, perTarget);
    }
    let metadata = perTarget.get(key);
    if (!metadata) {
      metadata = compute(target, schema, always, strictGroups, groups);
      perTarget.set(key, metadata);
    }
    return metadata;
  };
  storage.addValidationMetadata = (metadata) => {
    memo.clear();
    add(metadata);
  };
}
