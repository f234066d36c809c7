package dev.scopekeeper.pat;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.query.QueryUtils;

/** Found by Spring Data by its name (the fragment's name + {@code Impl}). */
class PatIdQueriesImpl implements PatIdQueries {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public List<Long> findIds(Specification<PersonalAccessToken> spec, Pageable page, int limit) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<PersonalAccessToken> root = query.from(PersonalAccessToken.class);
        query.select(root.get("id"))
                .where(spec.toPredicate(root, query, cb))
                .orderBy(QueryUtils.toOrders(page.getSort(), root, cb));
        return entityManager
                .createQuery(query)
                .setFirstResult(Math.toIntExact(page.getOffset()))
                .setMaxResults(limit)
                .getResultList();
    }
}
