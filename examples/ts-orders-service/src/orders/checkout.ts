import { pool } from '../db';
import { findOrder } from './orderRepository';

// Takes payment and records it in one transaction. COMMIT is there, ROLLBACK is not: if the
// payments INSERT fails, the client goes back to the pool inside an aborted transaction and the
// next request that borrows it fails with "current transaction is aborted".
export async function checkout(orderId: string, paymentRef: string) {
  const order = await findOrder(orderId);
  if (!order) throw new Error(`order ${orderId} not found`);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("UPDATE orders SET status = 'paid' WHERE id = $1", [orderId]);
    await client.query('INSERT INTO payments (order_id, reference, amount_cents) VALUES ($1, $2, $3)', [
      orderId,
      paymentRef,
      order.totalCents,
    ]);
    await client.query('COMMIT');
    return { orderId, status: 'paid' as const };
  } finally {
    client.release();
  }
}

// The same flow done right: roll back on any failure, release in finally.
export async function refund(orderId: string) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("UPDATE orders SET status = 'refunded' WHERE id = $1", [orderId]);
    await client.query('INSERT INTO refunds (order_id) VALUES ($1)', [orderId]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  } finally {
    client.release();
  }
}
