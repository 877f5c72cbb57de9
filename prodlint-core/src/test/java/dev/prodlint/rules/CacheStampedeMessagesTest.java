package dev.prodlint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prodlint.Lowered;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.rules.cachestampede.CacheStampedeRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stampede finding names the read, the load and the write, and gives the fix of its ecosystem. */
class CacheStampedeMessagesTest {
    private static List<Finding> check(Language lang, String code) {
        SourceModule m = Lowered.lower(lang, code);
        List<Finding> out = new ArrayList<>();
        new CacheStampedeRule().check(Lowered.context(m), out::add);
        return out;
    }

    @Test
    void pointsAtTheReadAndRelatesTheLoadAndTheWrite() {
        List<Finding> f = check(Language.TYPESCRIPT, """
                import Redis from 'ioredis';
                import { Pool } from 'pg';
                const redis = new Redis();
                const pool = new Pool();
                export async function user(id: string) {
                  const hit = await redis.get(`user:${id}`);
                  if (hit) return JSON.parse(hit);
                  const { rows } = await pool.query('SELECT * FROM users WHERE id = $1', [id]);
                  await redis.set(`user:${id}`, JSON.stringify(rows[0]), 'EX', 60);
                  return rows[0];
                }
                """);
        assertThat(f).hasSize(1);
        Finding x = f.get(0);
        assertThat(x.severity()).isEqualTo(Severity.WARNING);
        assertThat(x.range().startLine()).isEqualTo(6);
        assertThat(x.message()).isEqualTo("Every concurrent miss on `redis.get(...)` runs `pool.query(...)`: nothing makes "
                + "requests that miss together share one load before `redis.set(...)` writes it back.");
        assertThat(x.related()).extracting(r -> r.range().startLine()).containsExactly(8, 9);
        assertThat(x.fix()).contains("in-flight promises").contains("DataLoader").contains("NX PX");
        assertThat(x.function()).isEqualTo("user");
    }

    @Test
    void javaMapsAreToldToComputeIfAbsentAndCaffeineToLoadThroughGet() {
        List<Finding> f = check(Language.JAVA, """
                import java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;
                import com.github.benmanes.caffeine.cache.Cache;
                import org.springframework.jdbc.core.JdbcTemplate;
                class Names {
                    JdbcTemplate jdbc;
                    Cache<Long, String> titles;
                    Map<Long, String> names = new ConcurrentHashMap<>();
                    String name(long id) {
                        String n = names.get(id);
                        if (n == null) { n = jdbc.queryForObject("SELECT name FROM t WHERE id = ?", String.class, id); names.put(id, n); }
                        return n;
                    }
                    String title(long id) {
                        String t = titles.getIfPresent(id);
                        if (t == null) { t = jdbc.queryForObject("SELECT title FROM t WHERE id = ?", String.class, id); titles.put(id, t); }
                        return t;
                    }
                }
                """);
        assertThat(f).hasSize(2);
        assertThat(f.get(0).fix()).contains("computeIfAbsent");
        assertThat(f.get(1).fix()).startsWith("Use `cache.get(key, k -> load(k))`");
    }

    @Test
    void aLockWithoutReReadSaysSoAndNamesTheLock() {
        List<Finding> f = check(Language.JAVA, """
                import java.util.concurrent.locks.ReentrantLock;
                import org.springframework.data.redis.core.StringRedisTemplate;
                class Rates {
                    StringRedisTemplate redis;
                    RateRepository rateRepository;
                    ReentrantLock lock = new ReentrantLock();
                    String rate(String ccy) {
                        String r = redis.opsForValue().get("rate:" + ccy);
                        if (r != null) return r;
                        lock.lock();
                        try {
                            r = rateRepository.findRate(ccy);
                            redis.opsForValue().set("rate:" + ccy, r);
                            return r;
                        } finally {
                            lock.unlock();
                        }
                    }
                }
                """);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).message()).startsWith("`lock.lock()` serialises the load").contains("is not read again once the lock is held");
        assertThat(f.get(0).related()).extracting(r -> r.range().startLine()).contains(10);
        assertThat(f.get(0).fix()).contains("Read the cache again right after taking the lock");
    }

    @Test
    void cacheableWithoutSyncIsANoteWithTheUnlessCaveat() {
        List<Finding> f = check(Language.JAVA, """
                import org.springframework.cache.annotation.Cacheable;
                import org.springframework.web.client.RestTemplate;
                class Quotes {
                    RestTemplate rest;
                    @Cacheable(value = "quotes", unless = "#result == null")
                    Quote quote(String symbol) { return rest.getForObject("http://q/{s}", Quote.class, symbol); }
                    @Cacheable(value = "names", sync = true)
                    String name(String symbol) { return rest.getForObject("http://n/{s}", String.class, symbol); }
                }
                """);
        assertThat(f).hasSize(1);
        assertThat(f.get(0).severity()).isEqualTo(Severity.NOTE);
        assertThat(f.get(0).range().startLine()).isEqualTo(5);
        assertThat(f.get(0).message()).contains("`quote`").contains("`rest.getForObject(...)`");
        assertThat(f.get(0).fix()).contains("cannot be combined with `unless`");
    }
}
