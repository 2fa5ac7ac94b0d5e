package fr.capemploi.reporting.repository;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the independent read queries of one request side by side: on the request's own transaction and on up to
 * {@code reporting.query.connections - 1} further connections, each in a transaction that imports the request's
 * snapshot ({@code pg_export_snapshot}): they all read the state the request's transaction reads. That transaction
 * runs at repeatable read from its first statement ({@code IndicatorFacts.beginRead}), so the state is the one
 * committed when the answer began, for its own statements and the extra connections' alike: events committed while it
 * is computed show in none of its figures. The extra connections are shared by all requests; when none is free, the
 * request's own connection does all the work (never a wait for a connection while holding one: no deadlock on the
 * pool).
 */
@ApplicationScoped
public class SnapshotConnections {

    /** Where a task's statements run: the request's transaction, or a connection sharing its snapshot. */
    public interface Statements {

        List<Map<String, Object>> query(String sql, Map<String, ?> parameters);

        void execute(String sql, Map<String, ?> parameters);
    }

    /** A piece of the answer computed from the statements it is given. */
    public interface Task<T> {

        T run(Statements statements);
    }

    private final EntityManager entityManager;
    private final DataSource dataSource;
    private final int extra;
    private final Semaphore free;
    private final ExecutorService executor;

    public SnapshotConnections(EntityManager entityManager, DataSource dataSource,
            @ConfigProperty(name = "reporting.query.connections", defaultValue = "3") int connections) {
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.extra = Math.max(0, connections - 1);
        this.free = new Semaphore(extra);
        this.executor = Executors.newFixedThreadPool(Math.max(1, extra), runnable -> {
            Thread thread = new Thread(runnable, "indicator-reads");
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** The request's own transaction. */
    public Statements own() {
        return new Statements() {
            @Override
            public List<Map<String, Object>> query(String sql, Map<String, ?> parameters) {
                return ProjectionSql.query(entityManager, sql, parameters);
            }

            @Override
            public void execute(String sql, Map<String, ?> parameters) {
                ProjectionSql.execute(entityManager, sql, parameters);
            }
        };
    }

    /**
     * The results of {@code tasks}, in their order: they start at once on the free extra connections, the request's
     * own connection taking its share.
     *
     * @param setUp the statement each extra connection's transaction starts with (work_mem, plan mode)
     */
    public <T> List<T> run(List<Task<T>> tasks, String setUp) {
        List<Slot<T>> slots = new ArrayList<>();
        tasks.forEach(task -> slots.add(new Slot<>(task)));
        ConcurrentLinkedQueue<Slot<T>> queue = new ConcurrentLinkedQueue<>(slots);
        List<Future<?>> helpers = new ArrayList<>();
        if (slots.size() > 1 && extra > 0) {
            String snapshot = String.valueOf(own().query("SELECT pg_export_snapshot() AS s", Map.of()).get(0).get("s"));
            // one helper per free connection, never more than there are tasks to share
            for (int i = 0; i < Math.min(extra, slots.size() - 1) && free.tryAcquire(); i++) {
                helpers.add(executor.submit(() -> {
                    try {
                        help(queue, snapshot, setUp);
                    } finally {
                        free.release();
                    }
                    return null;
                }));
            }
        }
        try {
            Statements own = own();
            for (Slot<T> slot = queue.poll(); slot != null; slot = queue.poll()) {
                slot.result = slot.task.run(own);
            }
        } finally {
            queue.clear();
            awaitAll(helpers);
        }
        return slots.stream().map(slot -> slot.result).toList();
    }

    private static final class Slot<T> {
        private final Task<T> task;
        private volatile T result;

        Slot(Task<T> task) {
            this.task = task;
        }
    }

    private <T> void help(ConcurrentLinkedQueue<Slot<T>> queue, String snapshot, String setUp) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                // the first statement of the transaction: from here on it sees what the request's transaction saw
                try (var statement = connection.createStatement()) {
                    statement.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'");
                    statement.execute(setUp);
                }
                Statements statements = on(connection);
                for (Slot<T> slot = queue.poll(); slot != null; slot = queue.poll()) {
                    slot.result = slot.task.run(statements);
                }
            } finally {
                connection.rollback();
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(true);
            }
        }
    }

    private static Statements on(Connection connection) {
        return new Statements() {
            @Override
            public List<Map<String, Object>> query(String sql, Map<String, ?> parameters) {
                try {
                    return ProjectionSql.query(connection, sql, parameters);
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }

            @Override
            public void execute(String sql, Map<String, ?> parameters) {
                try {
                    ProjectionSql.execute(connection, sql, parameters);
                } catch (SQLException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
        };
    }

    /** Waits for every helper, then rethrows the first failure: a figure is never silently missing. */
    private static void awaitAll(List<Future<?>> helpers) {
        RuntimeException failure = null;
        for (Future<?> helper : helpers) {
            try {
                helper.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new IllegalStateException("Interrupted", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                failure = failure != null ? failure : cause instanceof RuntimeException r ? r
                        : new IllegalStateException(cause.getMessage(), cause);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
