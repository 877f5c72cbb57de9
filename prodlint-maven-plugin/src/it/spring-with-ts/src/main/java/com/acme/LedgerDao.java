package com.acme;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

public class LedgerDao {
    private final DataSource dataSource;

    public LedgerDao(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void post(long accountId, long cents) throws SQLException {
        Connection conn = dataSource.getConnection();
        PreparedStatement ps = conn.prepareStatement("INSERT INTO entries (account_id, amount_cents) VALUES (?, ?)");
        ps.setLong(1, accountId);
        ps.setLong(2, cents);
        ps.executeUpdate();
        conn.close();
    }
}
