import { pool } from '../db';

export interface Order {
  id: string;
  customerId: string;
  status: 'pending' | 'paid' | 'shipped';
  totalCents: number;
}

export async function findOrder(orderId: string): Promise<Order | null> {
  const { rows } = await pool.query<Order>(
    'SELECT id, customer_id AS "customerId", status, total_cents AS "totalCents" FROM orders WHERE id = $1',
    [orderId],
  );
  return rows[0] ?? null;
}

// Reserves stock for every line of an order. The release sits after the work: when an UPDATE
// fails (a check constraint on quantity, a lock timeout) the client never goes back to the pool.
export async function reserveStock(orderId: string): Promise<void> {
  const client = await pool.connect();
  const { rows: lines } = await client.query<{ sku: string; qty: number }>(
    'SELECT sku, qty FROM order_lines WHERE order_id = $1',
    [orderId],
  );
  for (const line of lines) {
    await client.query('UPDATE inventory SET reserved = reserved + $1 WHERE sku = $2', [line.qty, line.sku]);
  }
  client.release();
}

export async function ordersForCustomer(customerId: string): Promise<Order[]> {
  const { rows } = await pool.query<Order>(
    'SELECT id, customer_id AS "customerId", status, total_cents AS "totalCents" FROM orders WHERE customer_id = $1',
    [customerId],
  );
  return rows;
}

export async function markShipped(orderId: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query("UPDATE orders SET status = 'shipped', shipped_at = now() WHERE id = $1", [orderId]);
  } finally {
    client.release();
  }
}
