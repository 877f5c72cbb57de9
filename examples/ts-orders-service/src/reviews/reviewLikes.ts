import { pool } from '../db';

// "Helpful" votes on product reviews. Each statement commits on its own, and the like check and
// the insert are two round trips: a double-tap records two likes and counts two, an unlike that
// races another unlike decrements twice, and a crash between the two writes leaves the counter
// out of step with the rows for good.
export async function toggleHelpful(userId: string, reviewId: string): Promise<{ liked: boolean }> {
  const existing = await pool.query(
    'SELECT id FROM review_likes WHERE user_id = $1 AND review_id = $2',
    [userId, reviewId],
  );
  if (existing.rows.length > 0) {
    await pool.query('DELETE FROM review_likes WHERE id = $1', [existing.rows[0].id]);
    await pool.query('UPDATE reviews SET like_count = like_count - 1 WHERE id = $1', [reviewId]);
    return { liked: false };
  }
  await pool.query('INSERT INTO review_likes (user_id, review_id) VALUES ($1, $2)', [userId, reviewId]);
  await pool.query('UPDATE reviews SET like_count = like_count + 1 WHERE id = $1', [reviewId]);
  return { liked: true };
}
