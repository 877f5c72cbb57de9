import { Router, type NextFunction, type Request, type Response } from 'express';
import jwt from 'jsonwebtoken';
import { pool } from '../db';
import { ordersForCustomer } from '../orders/orderRepository';

export const accountRouter = Router();

interface AuthUser {
  id: string;
  role: 'member' | 'admin';
}

function requireAuth(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.split(' ')[1];
  if (!token) return res.status(401).end();
  (req as Request & { user: AuthUser }).user = jwt.verify(token, process.env.JWT_SECRET!) as AuthUser;
  next();
}

// Profile update: `role` comes straight from the body, so any member can make themselves admin.
accountRouter.post('/api/users/:id/profile', requireAuth, async (req, res) => {
  const { name, email, role } = req.body;
  await pool.query('UPDATE users SET name = $1, email = $2, role = $3 WHERE id = $4', [name, email, role, req.params.id]);
  res.json({ success: true });
});

// Order history: the customer comes from the query string, not from the verified token.
accountRouter.get('/api/orders', requireAuth, async (req, res) => {
  const orders = await ordersForCustomer(String(req.query.customerId));
  res.json(orders);
});
