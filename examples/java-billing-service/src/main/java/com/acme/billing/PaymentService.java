package com.acme.billing;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class PaymentService {
    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);
    private final HikariDataSource dataSource;

    public PaymentService(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Applies a payment and settles the invoice in one transaction. When settling fails, the finally
     * switches auto-commit back on, which commits the payment row without the settlement: the
     * customer is charged and the invoice stays open.
     */
    public void applyPayment(long invoiceId, BigDecimal amount) throws SQLException {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try (PreparedStatement pay = conn.prepareStatement(
                         "INSERT INTO payments (invoice_id, amount) VALUES (?, ?)");
                 PreparedStatement settle = conn.prepareStatement(
                         "UPDATE invoices SET status = 'PAID' WHERE id = ?")) {
                pay.setLong(1, invoiceId);
                pay.setBigDecimal(2, amount);
                pay.executeUpdate();
                settle.setLong(1, invoiceId);
                settle.executeUpdate();
                conn.commit();
                log.info("payment applied to invoice {}", invoiceId);
            } finally {
                conn.setAutoCommit(true);
            }
        }
    }

    /**
     * Marks an invoice disputed. When the update fails, the stack trace goes to stderr, outside the
     * logs and their request ids, and the caller goes on as if the invoice were disputed.
     */
    public void markDisputed(long invoiceId) {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement("UPDATE invoices SET status = 'DISPUTED' WHERE id = ?")) {
            ps.setLong(1, invoiceId);
            ps.executeUpdate();
        } catch (SQLException e) {
            e.printStackTrace();
        }
    }

    /** The fixed form: roll back on failure, and the connection is closed by try-with-resources. */
    public void voidInvoice(long invoiceId) throws SQLException {
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try (PreparedStatement ps = conn.prepareStatement("UPDATE invoices SET status = 'VOID' WHERE id = ?")) {
                ps.setLong(1, invoiceId);
                ps.executeUpdate();
                conn.commit();
            } catch (SQLException e) {
                conn.rollback();
                throw e;
            }
        }
    }
}
