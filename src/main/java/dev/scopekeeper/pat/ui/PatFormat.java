package dev.scopekeeper.pat.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import dev.scopekeeper.pat.PatStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.BiFunction;

/** How times and statuses of tokens are shown: relative text with the exact UTC time on hover. */
final class PatFormat {

    private static final DateTimeFormatter EXACT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final BiFunction<String, Object[], String> translate;

    PatFormat(Clock clock, BiFunction<String, Object[], String> translate) {
        this.clock = clock;
        this.translate = translate;
    }

    private String t(String key, Object... args) {
        return translate.apply(key, args);
    }

    static String exact(Instant instant) {
        return instant == null ? "" : EXACT.format(instant);
    }

    String relative(Instant instant) {
        Duration delta = Duration.between(clock.instant(), instant);
        boolean future = !delta.isNegative();
        long minutes = Math.round(delta.abs().toSeconds() / 60.0);
        if (minutes < 1) {
            return t("pat.ui.time.justNow");
        }
        if (minutes < 60) {
            return t(future ? "pat.ui.time.inMinutes" : "pat.ui.time.minutesAgo", minutes);
        }
        long hours = Math.round(minutes / 60.0);
        if (hours < 24) {
            return t(future ? "pat.ui.time.inHours" : "pat.ui.time.hoursAgo", hours);
        }
        return t(future ? "pat.ui.time.inDays" : "pat.ui.time.daysAgo", Math.round(hours / 24.0));
    }

    /** "in 30 days" with the exact time as tooltip; "Never" marked as a risk. */
    Component expires(Instant expiresAt) {
        if (expiresAt == null) {
            Span never = new Span(t("pat.ui.expires.never"));
            never.addClassName("sk-risk");
            never.setTitle(t("pat.ui.expires.neverRisk"));
            return never;
        }
        Span span = new Span(relative(expiresAt));
        span.setTitle(exact(expiresAt));
        return span;
    }

    /** In the Expires column of a revoked token: when it was revoked, not when it would have expired. */
    Component revoked(Instant revokedAt) {
        Span span = new Span(
                revokedAt == null ? t("pat.ui.status.revoked") : t("pat.ui.list.revokedAt", relative(revokedAt)));
        span.addClassName("sk-muted");
        span.setTitle(exact(revokedAt));
        return span;
    }

    Component lastUsed(Instant lastUsedAt) {
        if (lastUsedAt == null) {
            Span never = new Span(t("pat.ui.lastUsed.never"));
            never.addClassName("sk-muted");
            return never;
        }
        Span span = new Span(relative(lastUsedAt));
        span.setTitle(exact(lastUsedAt));
        return span;
    }

    Span badge(PatStatus status) {
        Span badge = new Span(t("pat.ui.status." + status.wireName()));
        badge.addClassNames("sk-badge", "sk-badge-" + status.wireName());
        return badge;
    }
}
