package dev.scopekeeper.pat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The database's own rules for token names, asked without touching any table: whether a name matches a name
 * search, and whether it sorts after a kept page position — decided by the {@code pat.name} column's character
 * set and collation (case, accents, trailing spaces) and with the list query's own {@code LIKE} pattern and
 * escape, so {@link PatListCounts} can adjust a name search's total and a kept position by a change exactly as a
 * fresh COUNT or page would see it. All questions of one change in one {@code SELECT} of expressions.
 */
@Component
class PatNameRules implements PatListCounts.NameRules {

    private static final Logger log = LoggerFactory.getLogger(PatNameRules.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_]+");

    private final JdbcTemplate jdbc;

    /** {@code CONVERT(? USING cs) COLLATE co} for the column's charset and collation, read once. */
    private volatile String asColumn;

    PatNameRules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The answers to {@code questions}; none (an empty map) when the database cannot be asked, so the caller
     * ends what depends on them instead of guessing.
     */
    @Override
    public Map<PatListCounts.Question, Boolean> answer(Collection<PatListCounts.Question> questions) {
        if (questions.isEmpty()) {
            return Map.of();
        }
        try {
            String c = asColumn();
            List<PatListCounts.Question> asked = new ArrayList<>(questions);
            StringBuilder sql = new StringBuilder("SELECT ");
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < asked.size(); i++) {
                sql.append(i == 0 ? "" : ", ");
                switch (asked.get(i)) {
                    case PatListCounts.Question.Like like -> {
                        // the list query's predicate: name LIKE '%' || escaped || '%' ESCAPE '\'
                        sql.append(c).append(" LIKE ").append(c).append(" ESCAPE '\\\\'");
                        args.add(like.name());
                        args.add(PatListQueries.likePattern(like.search()));
                    }
                    case PatListCounts.Question.Beyond beyond -> {
                        // the keyset predicate of a page continuing after a position: name > bound (or <)
                        sql.append(c)
                                .append(beyond.descending() ? " < " : " > ")
                                .append(c);
                        args.add(beyond.name());
                        args.add(beyond.bound());
                    }
                }
            }
            return jdbc.query(
                    sql.toString(),
                    rs -> {
                        Map<PatListCounts.Question, Boolean> answers = new HashMap<>();
                        if (rs.next()) {
                            for (int i = 0; i < asked.size(); i++) {
                                int value = rs.getInt(i + 1);
                                if (!rs.wasNull()) {
                                    answers.put(asked.get(i), value != 0);
                                }
                            }
                        }
                        return answers;
                    },
                    args.toArray());
        } catch (RuntimeException e) {
            log.warn("Could not ask the database how token names compare; kept name totals end: {}", e.toString());
            return Map.of();
        }
    }

    private String asColumn() {
        String known = asColumn;
        if (known != null) {
            return known;
        }
        Map<String, Object> column = jdbc.queryForMap("SELECT CHARACTER_SET_NAME AS cs, COLLATION_NAME AS co"
                + " FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'pat' AND COLUMN_NAME = 'name'");
        String charset = String.valueOf(column.get("cs"));
        String collation = String.valueOf(column.get("co"));
        if (!IDENTIFIER.matcher(charset).matches()
                || !IDENTIFIER.matcher(collation).matches()) {
            throw new IllegalStateException("unexpected charset or collation of pat.name");
        }
        known = "CONVERT(? USING " + charset + ") COLLATE " + collation;
        asColumn = known;
        return known;
    }
}
