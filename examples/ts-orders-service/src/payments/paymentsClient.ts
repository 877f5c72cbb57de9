const PAYMENTS_URL = process.env.PAYMENTS_URL ?? 'http://payments:8080';

export interface Charge {
  id: string;
  status: 'succeeded' | 'failed';
}

/**
 * Charges a card. prodlint reports two things here: the request has no timeout, and the loop
 * sends the POST again at once, on any error, with no idempotency key (a retry storm that can
 * also charge twice).
 */
export async function chargeCard(orderId: string, amountCents: number): Promise<Charge> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const res = await fetch(`${PAYMENTS_URL}/charges`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ orderId, amountCents }),
      });
      return (await res.json()) as Charge;
    } catch (err) {
      console.warn(`charge attempt ${attempt} failed`, err);
    }
  }
  throw new Error('payments unavailable');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const retryable = (status: number) => status === 429 || status >= 500;

/** The fixed form: idempotency key, timeout, capped attempts, jittered backoff, retryable errors only. */
export async function chargeCardSafely(orderId: string, amountCents: number, idempotencyKey: string): Promise<Charge> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${PAYMENTS_URL}/charges`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': idempotencyKey },
      body: JSON.stringify({ orderId, amountCents }),
      signal: AbortSignal.timeout(5_000),
    });
    if (res.ok) return (await res.json()) as Charge;
    if (attempt >= 5 || !retryable(res.status)) throw new Error(`charge failed: ${res.status}`);
    await sleep(Math.random() * Math.min(10_000, 200 * 2 ** attempt));
  }
}
