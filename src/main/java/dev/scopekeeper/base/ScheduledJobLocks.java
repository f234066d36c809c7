package dev.scopekeeper.base;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs annotated {@code @SchedulerLock} run on one node of a cluster at a time: a run first takes the
 * job's row in the {@code shedlock} table (ShedLock, times from the database clock so the nodes' clocks do not
 * matter), and a node that finds it taken skips that run. Only runs by the scheduler are locked
 * ({@code PROXY_SCHEDULER}); a direct call (a test) runs at once. Works the same on a single node.
 *
 * <p>Per-node work (the last-used flushes of {@code PatUsageRecorder} and {@code PatGraceUsage}) carries no lock.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(
        interceptMode = EnableSchedulerLock.InterceptMode.PROXY_SCHEDULER,
        defaultLockAtMostFor = "${scopekeeper.jobs.lock-at-most-for:PT30M}")
class ScheduledJobLocks {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .usingDbTime()
                .build());
    }
}
