package dev.scopekeeper.pat;

import dev.scopekeeper.authz.EntityType;
import dev.scopekeeper.authz.Operation;
import dev.scopekeeper.base.ConfigurationProblem;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Stored scopes name their entity type and operation as strings ({@code pat_scope.entity_type}, {@code .operation}).
 * If an operation of the catalogue ({@link Operation}) is renamed or removed, the scopes naming it would silently
 * stop matching anything. This check stops the start instead, before the server opens its port, naming every orphan
 * and how many scopes carry it ({@link ConfigurationProblem}, reported without a stack trace).
 */
@Component
class PatScopeCatalogueCheck implements SmartInitializingSingleton {

    /** At most this many orphans are named in the message (the count of the rest is given). */
    static final int NAMED = 20;

    private final JdbcTemplate jdbc;

    PatScopeCatalogueCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An (entity type, operation) pair stored in scopes, and how many scopes carry it. */
    record Stored(String entityType, String operation, long scopes) {

        boolean inCatalogue() {
            Optional<EntityType> type = EntityType.fromWire(entityType);
            return type.isPresent()
                    && (PatScope.ANY.equals(operation)
                            || Operation.find(type.get(), operation).isPresent());
        }

        @Override
        public String toString() {
            return entityType + ":" + operation + " (" + scopes + (scopes == 1 ? " scope)" : " scopes)");
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        check();
    }

    /** Throws {@link ConfigurationProblem} naming the stored scopes whose operation the catalogue does not have. */
    void check() {
        List<Stored> orphans = jdbc
                .query(
                        "SELECT entity_type, operation, COUNT(*) FROM pat_scope GROUP BY entity_type, operation",
                        (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .stream()
                .filter(stored -> !stored.inCatalogue())
                .toList();
        if (orphans.isEmpty()) {
            return;
        }
        String named = String.join(
                        ", ",
                        orphans.stream().limit(NAMED).map(Stored::toString).toList())
                + (orphans.size() > NAMED ? " and " + (orphans.size() - NAMED) + " more" : "");
        throw new ConfigurationProblem(
                "Stored PAT scopes name operations that are not in the operation catalogue: " + named
                        + ". Such scopes would never match a request.",
                "Add a Liquibase changeset that renames these operations in pat_scope to their current names in the"
                        + " catalogue (dev.scopekeeper.authz.Operation), or deletes those scopes (DELETE FROM pat_scope"
                        + " WHERE entity_type = ... AND operation = ...), then start again.");
    }
}
