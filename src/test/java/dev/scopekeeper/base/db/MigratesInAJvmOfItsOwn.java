package dev.scopekeeper.base.db;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import liquibase.integration.spring.SpringLiquibase;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * A node's start-up migration in a child JVM of its own ({@link GaleraReadySchemaTest}): Liquibase's JVM-wide
 * singletons are then not shared with the other node, as on a real cluster. Arguments: JDBC URL, user, password,
 * and a file: once connected it prints {@value #READY} and starts the migration when that file exists, so that
 * two children begin together.
 */
final class MigratesInAJvmOfItsOwn {

    static final String READY = "ready";
    static final String MIGRATED = "migrated";

    private MigratesInAJvmOfItsOwn() {}

    public static void main(String[] args) throws Exception {
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(args[0]);
            dataSource.setUsername(args[1]);
            dataSource.setPassword(args[2]);
            dataSource.setMaximumPoolSize(3);
            SpringLiquibase liquibase = new SpringLiquibase();
            liquibase.setDataSource(dataSource);
            liquibase.setChangeLog("classpath:db-changelog/db.changelog-master.yaml");
            liquibase.setResourceLoader(new DefaultResourceLoader());
            dataSource.getConnection().close(); // connected and loaded before the common start
            System.out.println(READY);
            Path go = Path.of(args[3]);
            while (!Files.exists(go)) {
                Thread.sleep(5);
            }
            LiquibaseStartup.migrate(liquibase);
        }
        System.out.println(MIGRATED);
    }
}
