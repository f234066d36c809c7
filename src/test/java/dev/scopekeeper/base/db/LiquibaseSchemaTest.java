package dev.scopekeeper.base.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopekeeper.ScopekeeperTest;
import jakarta.persistence.EntityManagerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The context starts on a brand-new empty schema, so Liquibase applied every changeset to an empty
 * database and Hibernate then validated the entities against the result.
 */
@ScopekeeperTest
class LiquibaseSchemaTest {

    private static final Pattern CHANGESET_ID = Pattern.compile("(?m)^\\s*-\\s*changeSet:\\s*\\n\\s*id:\\s*(\\S+)");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Value("${spring.jpa.hibernate.ddl-auto}")
    String ddlAuto;

    @Test
    void everyChangesetIsAppliedAndHibernateValidatesTheSchema() throws IOException {
        List<String> declared = new ArrayList<>();
        for (Resource file :
                new PathMatchingResourcePatternResolver().getResources("classpath:db-changelog/changes/*.yaml")) {
            Matcher matcher = CHANGESET_ID.matcher(file.getContentAsString(StandardCharsets.UTF_8));
            while (matcher.find()) {
                declared.add(matcher.group(1));
            }
        }
        List<String> applied = jdbc.queryForList("SELECT ID FROM DATABASECHANGELOG", String.class);

        assertThat(declared).isNotEmpty();
        assertThat(applied).containsExactlyInAnyOrderElementsOf(declared);
        assertThat(ddlAuto).isEqualTo("validate");
        assertThat(entityManagerFactory.isOpen()).isTrue();
    }
}
