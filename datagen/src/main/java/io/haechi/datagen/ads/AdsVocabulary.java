package io.haechi.datagen.ads;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The value lists and shares of ad-events.md. Shares are percentages; samplers normalise them. */
final class AdsVocabulary {
    /** Share of the day's impressions per hour 0..23 (KST). */
    static final double[] HOUR_WEIGHTS = {3.0, 1.8, 1.1, 0.8, 0.7, 0.9, 1.8, 3.2, 4.6, 4.9, 4.8, 4.9, 5.6, 5.2, 4.9,
        4.9, 5.0, 5.1, 5.3, 5.8, 6.3, 6.8, 6.9, 5.5};
    /** Saturday and Sunday carry this fraction of a weekday's volume. */
    static final double WEEKEND_FACTOR = 0.9;

    static final List<String> VERTICALS = List.of("e-commerce", "games", "finance", "beauty", "fashion",
            "food-beverage", "travel", "education", "healthcare", "automotive", "real-estate", "telecom",
            "entertainment", "media", "furniture", "electronics", "public-sector", "delivery", "jobs", "pets");
    static final double[] VERTICAL_SHARES = shares(20, 22, 12, 10, 8);
    /** Verticals whose conversions carry a purchase value. */
    static final Set<String> COMMERCE_VERTICALS = Set.of("e-commerce", "beauty", "fashion", "food-beverage",
            "furniture", "electronics", "pets");

    static final List<String> OBJECTIVES = List.of("REACH", "TRAFFIC", "CONVERSION", "APP_INSTALL", "VIDEO_VIEW");
    static final double[] OBJECTIVE_SHARES = {15, 30, 30, 15, 10};
    static final List<String> BID_TYPES = List.of("CPM", "CPC", "oCPA");
    static final double[] BID_TYPE_SHARES = {60, 30, 10};

    static final List<String> FORMATS = List.of("NATIVE_FEED", "IMAGE_BANNER", "VIDEO", "CAROUSEL", "MESSAGE");
    /** Share of creatives per format (ours: the spec gives none; banner-heavy so overall CTR nears its ~0.6%). */
    static final double[] FORMAT_SHARES = {20, 60, 12, 6, 2};
    /** Median CTR per format. */
    static final double[] FORMAT_CTR = {0.009, 0.0035, 0.006, 0.008, 0.025};

    static final List<String> PUBLISHER_TYPES = List.of("MESSENGER", "PORTAL", "NEWS", "COMMUNITY", "GAME",
            "VIDEO", "SHOPPING", "UTILITY");
    static final List<String> SLOTS = List.of("FEED", "BANNER_TOP", "BANNER_BOTTOM", "INTERSTITIAL",
            "NATIVE_ARTICLE", "REWARDED_VIDEO", "CHAT_LIST");

    static final List<String> DEVICES = List.of("MOBILE", "PC", "TABLET", "CTV");
    static final double[] DEVICE_SHARES = {82, 12, 5, 1};
    static final int PC = 1;
    static final double PC_CTR_FACTOR = 0.6;
    static final List<String> OS = List.of("ANDROID", "IOS", "OTHER", "WINDOWS", "MACOS", "TIZEN");
    /** OS shares per device, indexed like {@link #OS}; tablet and CTV shares are ours. */
    static final double[][] OS_SHARES = {
        {65, 33, 2, 0, 0, 0},
        {0, 0, 0, 85, 15, 0},
        {45, 52, 3, 0, 0, 0},
        {30, 0, 25, 0, 0, 45},
    };

    static final List<String> REGIONS = List.of("Gyeonggi", "Seoul", "Busan", "Gyeongnam", "Incheon", "Gyeongbuk",
            "Daegu", "Chungnam", "Jeonnam", "Jeonbuk", "Chungbuk", "Gangwon", "Daejeon", "Gwangju", "Ulsan", "Jeju",
            "Sejong");
    static final double[] REGION_SHARES = {26.5, 18.3, 6.4, 6.3, 5.8, 5.0, 4.6, 4.1, 3.5, 3.4, 3.1, 3.0, 2.8, 2.8,
        2.2, 1.3, 0.8};
    /** Cities per region (250 in all), roughly the number of si/gun/gu. */
    static final int[] CITIES_PER_REGION = {42, 25, 16, 22, 10, 24, 8, 16, 22, 15, 14, 18, 5, 5, 5, 2, 1};
    private static final List<String> SEOUL_GU = List.of("Gangnam-gu", "Songpa-gu", "Seocho-gu", "Gangseo-gu",
            "Nowon-gu", "Gwanak-gu", "Eunpyeong-gu", "Gangdong-gu", "Yangcheon-gu", "Seongbuk-gu", "Guro-gu",
            "Jungnang-gu", "Dongjak-gu", "Mapo-gu", "Yeongdeungpo-gu", "Gwangjin-gu", "Dongdaemun-gu", "Dobong-gu",
            "Seongdong-gu", "Gangbuk-gu", "Seodaemun-gu", "Geumcheon-gu", "Yongsan-gu", "Jongno-gu", "Jung-gu");
    /** City names per region; Seoul's are its 25 gu (most populous first), the others are numbered. */
    static final List<List<String>> CITIES = cities();
    static final double CITY_ZIPF = 0.9;

    static final List<String> AGE_BANDS = List.of("UNKNOWN", "14-19", "20-29", "30-39", "40-49", "50-59", "60+");
    static final double[] AGE_SHARES = {10, 6, 16, 18, 20, 17, 13};
    static final List<String> GENDERS = List.of("M", "F", "U");
    static final double[] GENDER_SHARES = {46, 44, 10};

    private AdsVocabulary() {
    }

    /** n shares: the given leading ones, the rest of 100 spread evenly. */
    private static double[] shares(int n, double... leading) {
        double[] s = new double[n];
        double rest = 100;
        for (int i = 0; i < leading.length; i++) {
            s[i] = leading[i];
            rest -= leading[i];
        }
        for (int i = leading.length; i < n; i++) {
            s[i] = rest / (n - leading.length);
        }
        return s;
    }

    private static List<List<String>> cities() {
        List<List<String>> all = new ArrayList<>();
        for (int r = 0; r < REGIONS.size(); r++) {
            String region = REGIONS.get(r);
            if (region.equals("Seoul")) {
                all.add(SEOUL_GU);
                continue;
            }
            List<String> names = new ArrayList<>();
            for (int c = 1; c <= CITIES_PER_REGION[r]; c++) {
                names.add(CITIES_PER_REGION[r] == 1 ? region : region + "-" + (c < 10 ? "0" : "") + c);
            }
            all.add(List.copyOf(names));
        }
        return List.copyOf(all);
    }
}
