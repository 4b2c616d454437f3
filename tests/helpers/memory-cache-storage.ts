/**
 * An in-memory stand-in for the browser's Cache API (CacheStorage and Cache), enough
 * for the lab's dataset cache: open, match, put, delete, keys. Node has Request and
 * Response; bodies are stored as bytes so each match returns a fresh Response.
 */
export class MemoryCacheStorage {
  readonly caches = new Map<string, MemoryCache>();
  /** Makes every put fail, as a full quota does. */
  failPuts = false;

  async open(name: string): Promise<Cache> {
    let cache = this.caches.get(name);
    if (!cache) {
      cache = new MemoryCache(this);
      this.caches.set(name, cache);
    }
    return cache as unknown as Cache;
  }

  async has(name: string): Promise<boolean> {
    return this.caches.has(name);
  }

  async delete(name: string): Promise<boolean> {
    return this.caches.delete(name);
  }

  async keys(): Promise<string[]> {
    return [...this.caches.keys()];
  }

  asCacheStorage(): CacheStorage {
    return this as unknown as CacheStorage;
  }
}

const urlOf = (request: RequestInfo | URL): string =>
  typeof request === 'string' ? request : request instanceof URL ? request.href : request.url;

export class MemoryCache {
  readonly entries = new Map<string, Uint8Array>();
  constructor(private readonly storage: MemoryCacheStorage) {}

  async match(request: RequestInfo | URL): Promise<Response | undefined> {
    const bytes = this.entries.get(urlOf(request));
    return bytes ? new Response(bytes.slice()) : undefined;
  }

  async put(request: RequestInfo | URL, response: Response): Promise<void> {
    if (this.storage.failPuts) throw new DOMException('Quota exceeded', 'QuotaExceededError');
    this.entries.set(urlOf(request), new Uint8Array(await response.arrayBuffer()));
  }

  async delete(request: RequestInfo | URL): Promise<boolean> {
    return this.entries.delete(urlOf(request));
  }

  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
}
