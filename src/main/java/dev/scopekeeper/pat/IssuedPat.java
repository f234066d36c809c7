package dev.scopekeeper.pat;

/**
 * The one place a token's secret travels: returned by create and regenerate, shown once, never
 * stored. {@link #toString()} leaves the secret out so it cannot end up in a log by accident.
 */
public record IssuedPat(PatDetails pat, String secret) {

    @Override
    public String toString() {
        return "IssuedPat[id=" + pat.id() + ", hint=" + pat.secretHint() + "]";
    }
}
