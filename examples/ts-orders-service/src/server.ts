import express from 'express';
import { findOrder, markShipped, reserveStock } from './orders/orderRepository';
import { checkout, refund } from './orders/checkout';
import { attachOrderUpdates } from './live/orderUpdates';

const app = express();
app.use(express.json());

app.get('/orders/:id', async (req, res, next) => {
  try {
    const order = await findOrder(req.params.id);
    if (!order) return res.status(404).json({ error: 'not found' });
    res.json(order);
  } catch (err) {
    next(err);
  }
});

app.post('/orders/:id/reserve', async (req, res, next) => {
  try {
    await reserveStock(req.params.id);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

app.post('/orders/:id/checkout', async (req, res, next) => {
  try {
    res.json(await checkout(req.params.id, String(req.body.paymentRef)));
  } catch (err) {
    next(err);
  }
});

app.post('/orders/:id/ship', async (req, res, next) => {
  try {
    await markShipped(req.params.id);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

// Refund: when the refund transaction fails (a lock timeout, a lost connection), the new error
// replaces it. The error handler logs "refund of order 42 failed" with a stack that starts in the
// catch, and the cause is gone.
async function refundOrder(orderId: string) {
  try {
    await refund(orderId);
  } catch (err) {
    throw new Error(`refund of order ${orderId} failed`);
  }
}

app.post('/orders/:id/refund', async (req, res, next) => {
  try {
    await refundOrder(req.params.id);
    res.status(204).end();
  } catch (err) {
    next(err);
  }
});

const server = app.listen(Number(process.env.PORT ?? 3000));
attachOrderUpdates(server);
