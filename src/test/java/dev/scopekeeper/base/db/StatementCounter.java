package dev.scopekeeper.base.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Counts the SQL statements Hibernate prepares per HTTP request, registered for every test context by
 * {@code spring.jpa.properties.hibernate.session_factory.statement_inspector} in
 * {@code application-test.properties} (Hibernate creates it by class name, hence the static state).
 *
 * <p>What is counted: every statement Hibernate prepares on the server thread of a request that
 * {@link StatementCountingFilter} marked (header {@value StatementCountingFilter#HEADER}): JPQL, criteria,
 * native and derived queries, inserts, updates and deletes, on whatever connection. Not counted: what the
 * JDBC driver sends for transaction handling (begin, {@code SET SESSION TRANSACTION READ ONLY}, commit),
 * which Hibernate does not prepare, and plain {@code JdbcTemplate} statements (the batched PAT usage flush,
 * not part of a request). The count is per request, so concurrent requests of other tests do not mix in.
 */
public class StatementCounter implements StatementInspector {

    private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();
    private static final Map<String, List<String>> FINISHED = new ConcurrentHashMap<>();

    @Override
    public String inspect(String sql) {
        List<String> statements = CURRENT.get();
        if (statements != null) {
            statements.add(sql);
        }
        return sql;
    }

    /** The server thread starts counting for the request labelled {@code label}. */
    static void begin() {
        CURRENT.set(new ArrayList<>());
    }

    /** The server thread is done with the request: its statements become readable under {@code label}. */
    static void end(String label) {
        List<String> statements = CURRENT.get();
        CURRENT.remove();
        if (statements != null) {
            FINISHED.put(label, List.copyOf(statements));
        }
    }

    /**
     * The statements of the finished request labelled {@code label}, waiting up to 10 s for the server thread
     * to leave the filter (the response can reach the client just before).
     */
    public static List<String> statementsOf(String label) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<String> statements = FINISHED.remove(label);
            if (statements != null) {
                return statements;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("no counted request labelled " + label);
    }
}
