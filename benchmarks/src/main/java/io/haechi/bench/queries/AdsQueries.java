package io.haechi.bench.queries;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;

/**
 * The six analyst queries of ad-events.md over {@code ad_event}, {@code :adv}, {@code :cmp} and {@code :d} as
 * parameters ({@code :d - 13 .. :d} bound as two dates). Literals come from pools of advertisers and campaigns that
 * have events (read from the data once, the busiest first), and days inside the generated window; the first set
 * uses the busiest advertiser and campaign and the last day.
 */
public final class AdsQueries {
    private AdsQueries() {
    }

    /**
     * @param advertisers advertiser ids with events, busiest first (at least one)
     * @param campaigns campaign ids with events, busiest first (at least one)
     * @param first the first generated day
     * @param days the generated days
     * @param minImpressions query 3's floor (10,000 at scale 1)
     */
    public static List<BenchQuery> all(List<Integer> advertisers, List<Integer> campaigns, LocalDate first, int days,
            long minImpressions) {
        requireNonNull(first, "first is null");
        if (advertisers.isEmpty() || campaigns.isEmpty() || days < 1) {
            throw new IllegalArgumentException("need advertisers, campaigns and days; got " + advertisers.size()
                    + ", " + campaigns.size() + ", " + days);
        }
        LocalDate last = first.plusDays(days - 1);
        int adv = advertisers.get(0);
        int cmp = campaigns.get(0);
        return List.of(
                new BenchQuery("ads1 daily CTR by campaign", "select event_date, campaign_id, sum(impressions) imps, "
                        + "sum(clicks) clk, sum(clicks) * 1.0 / sum(impressions) ctr from ad_event "
                        + "where advertiser_id = ? and event_date between ? and ? group by 1, 2 order by 1, 2",
                        List.of(adv, last.minusDays(13), last), r -> {
                            LocalDate d = first.plusDays(r.nextInt(Math.min(13, days - 1), days));
                            return List.of(SsbQueries.pick(r, advertisers), d.minusDays(13), d);
                        }),
                new BenchQuery("ads2 reach by region", "select region, count(distinct user_id) reach, "
                        + "sum(impressions) * 1.0 / count(distinct user_id) freq from ad_event where campaign_id = ? "
                        + "group by region order by reach desc", List.of(cmp),
                        r -> List.of(SsbQueries.pick(r, campaigns))),
                new BenchQuery("ads3 top creatives", "select creative_id, sum(impressions), "
                        + "sum(clicks) * 1.0 / sum(impressions) ctr from ad_event where advertiser_id = ? "
                        + "and event_date > ? group by 1 having sum(impressions) >= ? order by ctr desc, creative_id "
                        + "limit 10", List.of(adv, last.minusDays(7), minImpressions), r -> {
                            LocalDate d = first.plusDays(r.nextInt(Math.min(7, days - 1), days));
                            return List.of(SsbQueries.pick(r, advertisers), d.minusDays(7), minImpressions);
                        }),
                new BenchQuery("ads4 demographics", "select age_band, gender, sum(impressions), sum(clicks), "
                        + "sum(conversions), sum(cost_micros) / nullif(sum(conversions), 0) cpa from ad_event "
                        + "where campaign_id = ? group by 1, 2 order by 1, 2", List.of(cmp),
                        r -> List.of(SsbQueries.pick(r, campaigns))),
                new BenchQuery("ads5 Seoul cities", "select city, count(distinct user_id) reach, sum(impressions) "
                        + "from ad_event where advertiser_id = ? and region = 'Seoul' group by city "
                        + "order by reach desc, city", List.of(adv), r -> List.of(SsbQueries.pick(r, advertisers))),
                new BenchQuery("ads6 ROAS by vertical", "select event_date, a.vertical, c.objective, "
                        + "sum(conv_value_micros) * 1.0 / nullif(sum(cost_micros), 0) roas from ad_event e "
                        + "join advertiser a using (advertiser_id) join campaign c using (campaign_id) "
                        + "group by 1, 2, 3 order by 1, 2, 3", List.of(), r -> List.of()));
    }
}
