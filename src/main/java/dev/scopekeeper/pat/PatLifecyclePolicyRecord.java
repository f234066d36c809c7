package dev.scopekeeper.pat;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.stream.Collectors;

/** The single row (id 1) of {@code pat_lifecycle_policy}. */
@Entity
@Table(name = "pat_lifecycle_policy")
class PatLifecyclePolicyRecord {

    static final long ID = 1L;

    @Id
    @Column(name = "id")
    private Long id;

    @Column(name = "warn_days", nullable = false, length = 64)
    private String warnDays;

    @Column(name = "max_grace", nullable = false, length = 8)
    private String maxGrace;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected PatLifecyclePolicyRecord() {}

    PatLifecyclePolicy toPolicy() {
        return new PatLifecyclePolicy(PatLifecyclePolicy.parseWarnDays(warnDays), PatGrace.parse(maxGrace));
    }

    void update(PatLifecyclePolicy policy) {
        this.warnDays = policy.warnDays().stream().map(String::valueOf).collect(Collectors.joining(","));
        this.maxGrace = policy.maxGrace().wireName();
    }
}
