import { EventEmitter } from 'node:events';

export interface OrderStatusEvent {
  orderId: string;
  customerId: string;
  status: 'reserved' | 'paid' | 'shipped';
}

// One process-wide bus: the repository publishes, the live updates subscribe.
export const orderEvents = new EventEmitter();
// Many browser tabs listen at once; the default limit of 10 would only print warnings.
orderEvents.setMaxListeners(0);
