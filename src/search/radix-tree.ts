// minisearch's radix tree, built in one pass over the sorted keys instead of one insertion per key.
import SearchableMap from 'minisearch/SearchableMap';

/** minisearch keeps a key's value under this child key of the node the key ends at. */
const LEAF = '';

type Node<T> = Map<string, Node<T> | T>;

/**
 * The SearchableMap holding `entries` (the last value wins for a repeated key), as `SearchableMap.from` would
 * hold them. Inserting key by key splits and re-creates nodes as the tree grows, which is slow before any of
 * that code is optimised (a start builds the trees for typo lookups: spelling, names, framing words). Sorted keys
 * give each node's children side by side: every node is created once, with the prefix its neighbours share.
 *
 * minisearch is pinned to the version whose tree layout this writes (a node is a Map of edge labels, with the
 * value under ''); test/search/radix-tree.test.ts checks it against minisearch's own insertion.
 */
export function radixTreeOf<T>(entries: Iterable<readonly [string, T]>): SearchableMap<T> {
  const byKey = new Map<string, T>(entries);
  const keys = [...byKey.keys()].sort();
  const build = (from: number, to: number, depth: number): Node<T> => {
    const node: Node<T> = new Map();
    let at = from;
    // Sorted, a key that ends here comes before every longer key below it.
    if ((keys[at] as string).length === depth) node.set(LEAF, byKey.get(keys[at++] as string) as T);
    while (at < to) {
      const key = keys[at] as string;
      const letter = key.charCodeAt(depth);
      let end = at + 1;
      while (end < to && (keys[end] as string).charCodeAt(depth) === letter) end++;
      if (end - at === 1) {
        // Not `new Map([[LEAF, value]])`: the iterable constructor costs several times more, thousands of times over.
        const leaf: Node<T> = new Map();
        node.set(key.slice(depth), leaf.set(LEAF, byKey.get(key) as T));
      } else {
        // The first and last of a sorted run share what every key between them shares.
        const last = keys[end - 1] as string;
        let shared = depth + 1;
        while (shared < key.length && key.charCodeAt(shared) === last.charCodeAt(shared)) shared++;
        node.set(key.slice(depth, shared), build(at, end, shared));
      }
      at = end;
    }
    return node;
  };
  const tree = keys.length === 0 ? new Map() : build(0, keys.length, 0);
  // The constructor's tree argument is how minisearch itself makes views of a tree.
  return new SearchableMap<T>(tree as never);
}
