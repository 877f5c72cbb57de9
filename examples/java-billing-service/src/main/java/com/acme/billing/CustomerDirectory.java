package com.acme.billing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;

/** Customer names for invoice headers, cached in memory. */
public class CustomerDirectory {
    private final JdbcTemplate jdbc;
    private final Map<Long, String> names = new ConcurrentHashMap<>();

    public CustomerDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** get-then-put: concurrent misses of one customer each run the query (a cache stampede). */
    public String displayName(long customerId) {
        String name = names.get(customerId);
        if (name == null) {
            name = jdbc.queryForObject("SELECT display_name FROM customers WHERE id = ?", String.class, customerId);
            names.put(customerId, name);
        }
        return name;
    }

    /** The fixed form: computeIfAbsent runs the query once per key. */
    public String legalName(long customerId) {
        return names.computeIfAbsent(-customerId,
                id -> jdbc.queryForObject("SELECT legal_name FROM customers WHERE id = ?", String.class, customerId));
    }
}
