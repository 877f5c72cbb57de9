package selftest;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

// Deliberately wrong marks: the harness must report line 14 as missing and line 18 as unexpected.
class WrongExpectations {
    private DataSource ds;

    int safe() throws SQLException {
        try (Connection c = ds.getConnection()) {
            return c.getTransactionIsolation();
        } // expect: connection-leak
    }

    int leaky() throws SQLException {
        Connection c = ds.getConnection();
        int level = c.getTransactionIsolation();
        c.close();
        return level;
    }
}
