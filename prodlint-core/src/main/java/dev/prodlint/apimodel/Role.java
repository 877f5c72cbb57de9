package dev.prodlint.apimodel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a library call does, as far as the rules care. Rules ask for roles, never for library names. */
public enum Role {
    /** Takes a pooled connection, client or resource that the caller must give back. */
    ACQUIRE("acquire"),
    /**
     * Gives the caller a connection it must not release: one someone else owns (the session in a
     * stored procedure), or none at all (Derby's shutdown URL).
     */
    BORROW("borrow"),
    /** Gives an acquired resource back (release, close, end, or a pool's release(resource)). */
    RELEASE("release"),
    /** Sends a query or command to a database. */
    DB_QUERY("db-query"),
    /**
     * Writes to a database: insert, update, upsert or delete through SQL or an ORM. Its row says
     * where the written values ({@code data}) and the row filter ({@code filter}) are.
     */
    DB_WRITE("db-write"),
    /** Opens a transaction on a connection (setAutoCommit(false), beginTransaction()). */
    TRANSACTION_BEGIN("transaction-begin"),
    TRANSACTION_COMMIT("transaction-commit"),
    /**
     * Runs its function argument in one transaction and commits when it returns
     * ({@code prisma.$transaction(async tx => ...)}, {@code knex.transaction(trx => ...)},
     * {@code transactionTemplate.execute(status -> ...)}); an array argument is a batch run in one transaction.
     */
    TRANSACTION("transaction"),
    TRANSACTION_ROLLBACK("transaction-rollback"),
    /** Runs work on a connection it acquires and releases by itself (pool.query, JdbcTemplate). */
    MANAGED_QUERY("managed-query"),
    /** Never throws in practice (logging); does not count as a call that can fail before a release. */
    NO_THROW("no-throw"),
    /** Writes a log record or reports an error to a tracker (Sentry); never throws in practice. */
    LOG("log"),
    /** Reads a cache entry; its leading arguments (or, with none, its receiver) are the key. */
    CACHE_READ("cache-read"),
    /** Writes a cache entry; its leading arguments are the key, the next one the value. */
    CACHE_WRITE("cache-write"),
    /** Reads an entry and computes it at most once per key on a miss (computeIfAbsent, wrap, Caffeine get(key, fn)). */
    CACHE_LOAD("cache-load"),
    /** Takes a lock or a mutex that later code runs under (lock(), acquire(), SET key NX). */
    LOCK("lock"),
    /** Runs its function argument under a lock (runExclusive(fn), AsyncLock.acquire(key, fn)). */
    LOCKED_CALLBACK("locked-callback"),
    /** Sends a message to a queue, a topic or a mail server (BullMQ add, kafkajs send, nodemailer sendMail). */
    MESSAGE_SEND("message-send"),
    /** Sends an HTTP request to another service. */
    HTTP_REQUEST("http-request"),
    /** Wraps a function so concurrent calls with the same key share one run (DataLoader, p-memoize). */
    SINGLE_FLIGHT("single-flight"),
    /** Creates a client, pool or cache and does nothing else worth knowing; only its {@code returns} matters. */
    FACTORY("factory"),
    /** Makes a client that waits without limit, or turns a timeout off (OkHttp {@code readTimeout(0, ...)}). */
    NO_TIMEOUT("no-timeout"),
    /** Waits before the next attempt (Thread.sleep, setTimeout in a promise, a sleep helper). */
    SLEEP("sleep"),
    /** Runs a function again when it fails: a retry helper or a retry configuration (p-retry, @Retryable). */
    RETRY("retry");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    @JsonCreator
    public static Role of(String id) {
        for (Role r : values()) {
            if (r.id.equals(id)) return r;
        }
        throw new IllegalArgumentException("unknown role '" + id + "' (known: "
                + Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", ")) + ")");
    }
}
