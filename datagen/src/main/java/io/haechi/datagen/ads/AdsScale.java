package io.haechi.datagen.ads;

/**
 * Row and entity counts at an ad-event scale (ADSF). Fact rows are 6,000,000·scale per 28 days (ADSF1 ≈ 214k a
 * day, comparable to SSB SF1); entity counts are their ADSF1 value ·√scale, rounded, at least 1; the user
 * population is 3,000,000·scale.
 */
public record AdsScale(double scale, int days, long factRows, int advertisers, int agencies, int campaigns,
        int adGroups, int creatives, int publishers, int placements, long users) {
    public static final long ROWS_PER_28_DAYS = 6_000_000L;
    public static final long USERS = 3_000_000L;

    public static AdsScale of(double scale, int days) {
        double root = Math.sqrt(scale);
        return new AdsScale(scale, days, Math.round(ROWS_PER_28_DAYS * scale * days / 28.0),
                entities(1_000, root), entities(100, root), entities(8_000, root), entities(24_000, root),
                entities(60_000, root), entities(2_000, root), entities(20_000, root),
                Math.max(1, Math.round(USERS * scale)));
    }

    private static int entities(int base, double root) {
        return (int) Math.max(1, Math.round(base * root));
    }
}
