package dev.scopekeeper.base.api;

import dev.scopekeeper.base.Messages;
import org.apache.catalina.Container;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests refused before Spring MVC sees them still get a problem+json: Tomcat's own error reports (see
 * {@link ProblemErrorReportValve}) and the Spring Security firewall's refusals (encoded dots, {@code ;},
 * {@code //}, backslashes, control characters in a path or header).
 */
@Configuration(proxyBeanMethods = false)
class ServletContainerConfig {

    /**
     * Replaces every Tomcat error report valve on the host (Spring Boot adds a plain one) with ours, once the
     * host's pipeline is assembled (when the web application starts).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                useProblemReports(context.getParent());
            }
        }));
    }

    static void useProblemReports(Container host) {
        boolean present = false;
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ProblemErrorReportValve) {
                present = true;
            } else if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (!present) {
            host.getPipeline().addValve(new ProblemErrorReportValve());
        }
    }

    /** A request the firewall refuses: 400 problem, without the /error dispatch (which redirects to sign-in). */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return (request, response, rejected) -> Problems.write(response, 400, Messages.get("api.error.badPath"), null);
    }
}
