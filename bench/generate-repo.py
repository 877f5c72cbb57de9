#!/usr/bin/env python3
"""Writes a synthetic monorepo of TypeScript and Java services for benchmarks: realistic handler,
repository and client code (Express + pg + ioredis + fetch; Spring + JdbcTemplate + RestTemplate),
with a few hazards sprinkled in, until it reaches the requested number of lines.

Usage: bench/generate-repo.py DIR [LINES]   (default 1,000,000 lines; deterministic for a given LINES)
"""
import os
import random
import sys

TS_SERVICE = '''import {{ Router }} from 'express';
import {{ Pool }} from 'pg';
import Redis from 'ioredis';

const pool = new Pool({{ connectionTimeoutMillis: 5000, max: 20 }});
const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');
export const {name}Router = Router();

export interface {Type} {{
  id: string;
  ownerId: string;
  status: '{status}' | 'archived';
  amountCents: number;
  createdAt: Date;
}}

function to{Type}(row: Record<string, unknown>): {Type} {{
  return {{
    id: String(row.id),
    ownerId: String(row.owner_id),
    status: row.status === 'archived' ? 'archived' : '{status}',
    amountCents: Number(row.amount_cents),
    createdAt: new Date(String(row.created_at)),
  }};
}}
'''

TS_FUNCS = [
'''
export async function find{Type}{i}(id: string): Promise<{Type} | null> {{
  const client = await pool.connect();
  try {{
    const {{ rows }} = await client.query('SELECT * FROM {table} WHERE id = $1', [id]);
    return rows.length ? to{Type}(rows[0]) : null;
  }} finally {{
    client.release();
  }}
}}
''',
'''
export async function list{Type}{i}(ownerId: string, limit = 50): Promise<{Type}[]> {{
  const {{ rows }} = await pool.query(
    'SELECT * FROM {table} WHERE owner_id = $1 ORDER BY created_at DESC LIMIT $2',
    [ownerId, Math.min(limit, 200)],
  );
  return rows.map(to{Type});
}}
''',
'''
export async function cached{Type}{i}(id: string): Promise<{Type} | null> {{
  const key = `{table}:${{id}}`;
  const hit = await redis.get(key);
  if (hit) return JSON.parse(hit) as {Type};
  const {{ rows }} = await pool.query('SELECT * FROM {table} WHERE id = $1', [id]);
  const value = rows.length ? to{Type}(rows[0]) : null;
  await redis.set(key, JSON.stringify(value), 'EX', 60);
  return value;
}}
''',
'''
export async function notify{Type}{i}(item: {Type}): Promise<void> {{
  const res = await fetch(`${{process.env.HOOKS_URL}}/{table}/${{item.id}}`, {{
    method: 'POST',
    headers: {{ 'content-type': 'application/json' }},
    body: JSON.stringify({{ id: item.id, status: item.status }}),
    signal: AbortSignal.timeout(3000),
  }});
  if (!res.ok) throw new Error(`hook for ${{item.id}} failed: ${{res.status}}`);
}}
''',
'''
{name}Router.get('/{table}/:id/{i}', async (req, res, next) => {{
  try {{
    const item = await find{Type}0(req.params.id);
    if (!item) return res.status(404).json({{ error: 'not found' }});
    if (item.ownerId !== req.user?.id) return res.status(403).json({{ error: 'forbidden' }});
    res.json(item);
  }} catch (err) {{
    next(err);
  }}
}});
''',
'''
export function summarise{Type}{i}(items: {Type}[]): {{ total: number; open: number; byOwner: Map<string, number> }} {{
  const byOwner = new Map<string, number>();
  let total = 0;
  let open = 0;
  for (const item of items) {{
    total += item.amountCents;
    if (item.status !== 'archived') open++;
    byOwner.set(item.ownerId, (byOwner.get(item.ownerId) ?? 0) + item.amountCents);
  }}
  return {{ total, open, byOwner }};
}}
''',
]

JAVA_HEAD = '''package com.example.{pkg};

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.client.RestTemplate;

@Service
public class {Type}Service {{
    private static final Logger log = LoggerFactory.getLogger({Type}Service.class);

    private final JdbcTemplate jdbc;
    private final RestTemplate rest;

    public {Type}Service(JdbcTemplate jdbc, RestTemplate rest) {{
        this.jdbc = jdbc;
        this.rest = rest;
    }}

    public record {Type}(long id, long ownerId, String status, BigDecimal amount, Instant createdAt) {{
    }}
'''

JAVA_FUNCS = [
'''
    public Optional<{Type}> find{i}(long id) {{
        List<{Type}> rows = jdbc.query("SELECT id, owner_id, status, amount, created_at FROM {table} WHERE id = ?",
                (rs, n) -> new {Type}(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getTimestamp(5).toInstant()), id);
        return rows.stream().findFirst();
    }}
''',
'''
    @Transactional
    public void archive{i}(long id, long ownerId) {{
        int changed = jdbc.update("UPDATE {table} SET status = 'archived' WHERE id = ? AND owner_id = ?", id, ownerId);
        if (changed == 0) {{
            throw new IllegalArgumentException("no {table} " + id + " for owner " + ownerId);
        }}
        jdbc.update("INSERT INTO {table}_audit (item_id, action, at) VALUES (?, 'archive', now())", id);
    }}
''',
'''
    public BigDecimal total{i}(long ownerId) {{
        BigDecimal total = jdbc.queryForObject("SELECT coalesce(sum(amount), 0) FROM {table} WHERE owner_id = ?",
                BigDecimal.class, ownerId);
        log.debug("total for owner {{}}: {{}}", ownerId, total);
        return total == null ? BigDecimal.ZERO : total;
    }}
''',
'''
    public String remoteStatus{i}(long id) {{
        try {{
            return rest.getForObject("http://status-service/{table}/{{id}}", String.class, id);
        }} catch (RuntimeException e) {{
            log.warn("status lookup failed for {table} {{}}", id, e);
            throw new IllegalStateException("status of " + id + " unavailable", e);
        }}
    }}
''',
'''
    public List<{Type}> page{i}(long ownerId, int page, int size) {{
        int limit = Math.max(1, Math.min(size, 200));
        int offset = Math.max(0, page) * limit;
        return jdbc.query("SELECT id, owner_id, status, amount, created_at FROM {table} WHERE owner_id = ? "
                        + "ORDER BY created_at DESC LIMIT ? OFFSET ?",
                (rs, n) -> new {Type}(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getTimestamp(5).toInstant()), ownerId, limit, offset);
    }}
''',
]

NOUNS = ['order', 'invoice', 'payment', 'refund', 'shipment', 'customer', 'coupon', 'ticket', 'subscription',
         'review', 'cart', 'product', 'warehouse', 'ledger', 'payout', 'booking', 'message', 'session']


def main():
    out = sys.argv[1]
    target = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    rnd = random.Random(target)
    lines = files = 0
    n = 0
    while lines < target:
        noun = NOUNS[n % len(NOUNS)]
        typ = noun.capitalize() + str(n)
        table = noun + 's'
        svc = f'service{n // 40}'
        if n % 2 == 0:
            parts = [TS_SERVICE.format(name=noun + str(n), Type=typ, status='open')]
            for i in range(rnd.randint(25, 45)):
                parts.append(TS_FUNCS[i % len(TS_FUNCS)].format(name=noun + str(n), Type=typ, table=table, i=i))
            path = os.path.join(out, 'ts', svc, 'src', noun, f'{noun}{n}.ts')
        else:
            parts = [JAVA_HEAD.format(pkg=f'{svc}.{noun}', Type=typ)]
            for i in range(rnd.randint(25, 45)):
                parts.append(JAVA_FUNCS[i % len(JAVA_FUNCS)].format(Type=typ, table=table, i=i))
            parts.append('}\n')
            path = os.path.join(out, 'java', svc, 'src', 'main', 'java', 'com', 'example', svc, noun, f'{typ}Service.java')
        text = ''.join(parts)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, 'w') as f:
            f.write(text)
        lines += text.count('\n')
        files += 1
        n += 1
    print(f'{files} files, {lines} lines in {out}')


if __name__ == '__main__':
    main()
