package dev.scopekeeper.base;

import java.util.Collection;
import org.springframework.data.jpa.domain.Specification;

/**
 * Filters shared by every list: entities with attributes {@code name}, {@code tags} and {@code status}.
 * Callers combine them with their own scope (domain, membership) so the indexes lead with domain_id.
 */
public final class ListSpecs {

    private ListSpecs() {}

    public static <T> Specification<T> matching(ListQuery query) {
        Specification<T> spec = (root, q, cb) -> cb.conjunction();
        if (query.name() != null && !query.name().isBlank()) {
            String pattern = "%" + escapeLike(query.name().strip()) + "%";
            spec = spec.and((root, q, cb) -> cb.like(root.get("name"), pattern, '\\'));
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            String pattern = Tags.likePattern(query.tag());
            spec = spec.and((root, q, cb) -> cb.like(root.get("tags"), pattern, '\\'));
        }
        if (query.status() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("status"), query.status()));
        }
        return spec;
    }

    public static <T> Specification<T> equal(String attribute, Object value) {
        return (root, q, cb) -> cb.equal(root.get(attribute), value);
    }

    public static <T> Specification<T> idIn(Collection<Long> ids) {
        return (root, q, cb) ->
                ids.isEmpty() ? cb.disjunction() : root.get("id").in(ids);
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
