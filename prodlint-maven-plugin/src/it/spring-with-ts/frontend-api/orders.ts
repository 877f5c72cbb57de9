import { pool } from './db';

export async function ordersOf(customerId: string) {
  const client = await pool.connect();
  const { rows } = await client.query('SELECT * FROM orders WHERE customer_id = $1', [customerId]);
  client.release();
  return rows;
}
