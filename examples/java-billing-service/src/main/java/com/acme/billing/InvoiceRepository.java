package com.acme.billing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

public class InvoiceRepository {
    private final DataSource dataSource;

    public InvoiceRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Closed only when everything succeeds: a failed query leaks the pooled connection. */
    public List<Invoice> openInvoices(long customerId) throws SQLException {
        Connection conn = dataSource.getConnection();
        PreparedStatement ps = conn.prepareStatement(
                "SELECT id, amount FROM invoices WHERE customer_id = ? AND status = 'OPEN'");
        ps.setLong(1, customerId);
        ResultSet rs = ps.executeQuery();
        List<Invoice> out = new ArrayList<>();
        while (rs.next()) {
            out.add(new Invoice(rs.getLong("id"), rs.getBigDecimal("amount")));
        }
        conn.close();
        return out;
    }

    /** The fixed form: try-with-resources. */
    public BigDecimal outstanding(long customerId) throws SQLException {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement(
                     "SELECT coalesce(sum(amount), 0) FROM invoices WHERE customer_id = ? AND status = 'OPEN'")) {
            ps.setLong(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    public record Invoice(long id, BigDecimal amount) {
    }
}
