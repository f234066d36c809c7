package dev.scopekeeper;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.aura.Aura;
import dev.scopekeeper.base.db.EmbeddedMariaDbEarlyStart;
import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scopekeeper: the application and the Vaadin app shell (theme first, then our own styles). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@StyleSheet(Aura.STYLESHEET)
@StyleSheet("styles/scopekeeper.css")
public class Application implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(Application.class);
        // Starts the embedded MariaDB (if that is the database) alongside Spring's own start.
        application.addListeners(new EmbeddedMariaDbEarlyStart());
        application.run(args);
    }

    /** The only source of "now": tests replace it to move time without sleeping. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
