import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import { orderEvents, OrderStatusEvent } from '../orders/orderEvents';

// Pushes status changes of a customer's orders to their open browser tabs.
export function attachOrderUpdates(server: Server) {
  const wss = new WebSocketServer({ server, path: '/live/orders' });

  wss.on('connection', (ws, req) => {
    const customerId = new URL(req.url ?? '/', 'http://localhost').searchParams.get('customer');
    const onStatus = (event: OrderStatusEvent) => {
      if (event.customerId === customerId) ws.send(JSON.stringify(event));
    };
    orderEvents.on('status', onStatus);

    ws.on('message', (raw) => {
      if (raw.toString() === 'ping') ws.send('pong');
    });
  });
}
