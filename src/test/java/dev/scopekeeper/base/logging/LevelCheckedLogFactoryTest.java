package dev.scopekeeper.base.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Commons Logging, as Spring and Spring Security log through it: a message below the logger's level is never turned
 * into text (Commons Logging's own SLF4J bridge rendered every one), one at or above it is logged as before.
 */
class LevelCheckedLogFactoryTest {

    private static final String NAME = "dev.scopekeeper.test.LevelChecked";

    private final Logger logger = (Logger) LoggerFactory.getLogger(NAME);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        logger.setLevel(Level.INFO);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
        logger.setLevel(null);
    }

    @Test
    void aMessageBelowTheLevelIsNeverRenderedOneAtTheLevelIsLogged() {
        Log log = LogFactory.getLog(NAME);
        AtomicInteger rendered = new AtomicInteger();
        Object message = new Object() {
            @Override
            public String toString() {
                rendered.incrementAndGet();
                return "rendered";
            }
        };

        log.trace(message);
        log.debug(message);
        log.debug(message, new IllegalStateException());
        assertThat(rendered).hasValue(0);
        assertThat(logged.list).isEmpty();

        log.info(message);
        log.warn(message, new IllegalStateException("cause"));
        assertThat(logged.list)
                .extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Level.INFO, "rendered"),
                        org.assertj.core.groups.Tuple.tuple(Level.WARN, "rendered"));
        assertThat(logged.list.get(1).getThrowableProxy().getMessage()).isEqualTo("cause");
    }
}
