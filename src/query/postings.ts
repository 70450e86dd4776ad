/**
 * One index key's entries (`disjunct id * 8`, plus 4 when the disjunct has two groups, plus its
 * group bit) and the stamp of the last post that read them, so a post reads each list once
 * however often it repeats the key.
 */
export interface Postings {
  ids: number[];
  seen: number;
}

/** Adds `entry` under `key`; returns whether the key is new. */
export function addPosting<K>(map: Map<K, Postings>, key: K, entry: number): boolean {
  const list = map.get(key);
  if (list !== undefined) {
    list.ids.push(entry);
    return false;
  }
  map.set(key, { ids: [entry], seen: 0 });
  return true;
}

/** Removes `entry` from under `key`; returns whether the key is gone with it. */
export function removePosting<K>(map: Map<K, Postings>, key: K, entry: number): boolean {
  const list = map.get(key);
  if (list === undefined) return false;
  const at = list.ids.indexOf(entry);
  if (at === -1) return false;
  list.ids.splice(at, 1);
  if (list.ids.length > 0) return false;
  map.delete(key);
  return true;
}

/** `host` and each suffix after one of its dots ("a.b.vn", "b.vn", "vn"). */
export function forEachDomainSuffix(host: string, visit: (suffix: string) => void): void {
  visit(host);
  for (let at = host.indexOf('.'); at !== -1; at = host.indexOf('.', at + 1))
    visit(host.slice(at + 1));
}
