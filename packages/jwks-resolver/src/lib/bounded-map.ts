/**
 * A Map that drops its oldest entries once it holds `limit`, so no cache here grows without bound. It drops
 * an eighth at a time: deleting from the front of a Map one entry per insert makes each deletion walk the
 * holes left by the previous ones. `limit` is at least 8.
 */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (this.size >= this.limit && !this.has(key)) {
      let drop = this.limit >> 3;
      for (const oldest of this.keys()) {
        this.delete(oldest);
        if (--drop === 0) break;
      }
    }
    return super.set(key, value);
  }
}
