package dev.scopekeeper.pat;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;

/** Spring Data fragment of {@link PatRepository}: ids only, for pages deep in a long list. */
interface PatIdQueries {

    /**
     * The ids of the tokens matching {@code spec}, in the page's order, from its offset: at most {@code limit}.
     * Selecting the id alone lets the database skip the offset in the (owner, sort column) index without reading
     * a row for every token it skips.
     */
    List<Long> findIds(Specification<PersonalAccessToken> spec, Pageable page, int limit);
}
