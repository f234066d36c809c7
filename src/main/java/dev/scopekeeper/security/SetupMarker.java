package dev.scopekeeper.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The single row that records that first-run setup happened (primary key is always 1). */
@Entity
@Table(name = "app_setup")
class SetupMarker {

    static final int ID = 1;

    @Id
    @Column(name = "id")
    private Integer id;

    @Column(name = "completed_at", nullable = false)
    private Instant completedAt;

    @Column(name = "admin_user_id", nullable = false)
    private Long adminUserId;

    protected SetupMarker() {}

    SetupMarker(Instant completedAt, Long adminUserId) {
        this.id = ID;
        this.completedAt = completedAt;
        this.adminUserId = adminUserId;
    }
}
