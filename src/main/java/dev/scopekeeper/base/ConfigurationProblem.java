package dev.scopekeeper.base;

/**
 * The installation's configuration cannot work; start-up stops before the server opens its port,
 * and {@link ConfigurationProblemFailureAnalyzer} prints {@link #getMessage()} and {@link #action()}
 * as one short report instead of a stack trace.
 */
public class ConfigurationProblem extends RuntimeException {

    private final String action;

    public ConfigurationProblem(String description, String action) {
        super(description);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
