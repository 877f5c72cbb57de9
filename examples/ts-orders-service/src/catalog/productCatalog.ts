import { pool } from '../db';
import { redis } from '../cache';

export interface Product {
  id: string;
  name: string;
  priceCents: number;
}

const TTL_SECONDS = 300;

/**
 * Cache-aside read of a product. When a popular product's key expires, every request that
 * misses runs the same query: prodlint reports a cache stampede here.
 */
export async function getProduct(id: string): Promise<Product | null> {
  const key = `product:${id}`;
  const cached = await redis.get(key);
  if (cached) return JSON.parse(cached) as Product;

  const { rows } = await pool.query<Product>(
    'SELECT id, name, price_cents AS "priceCents" FROM products WHERE id = $1',
    [id],
  );
  const product = rows[0] ?? null;
  await redis.set(key, JSON.stringify(product), 'EX', TTL_SECONDS);
  return product;
}

/**
 * The fixed form: concurrent misses of one id share a single load, registered before any await.
 * (An in-flight map like this one must also forget failed loads, which `finally` does.)
 */
const inFlight = new Map<string, Promise<Product | null>>();

export function getProductShared(id: string): Promise<Product | null> {
  let pending = inFlight.get(id);
  if (!pending) {
    pending = loadProduct(id).finally(() => inFlight.delete(id));
    inFlight.set(id, pending);
  }
  return pending;
}

async function loadProduct(id: string): Promise<Product | null> {
  const key = `product:${id}`;
  const cached = await redis.get(key);
  if (cached) return JSON.parse(cached) as Product;
  const { rows } = await pool.query<Product>('SELECT id, name, price_cents AS "priceCents" FROM products WHERE id = $1', [id]);
  await redis.set(key, JSON.stringify(rows[0] ?? null), 'EX', TTL_SECONDS);
  return rows[0] ?? null;
}
