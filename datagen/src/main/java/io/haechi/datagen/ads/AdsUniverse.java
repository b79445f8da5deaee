package io.haechi.datagen.ads;

import static io.haechi.datagen.random.SplitMix64.derive;
import static io.haechi.datagen.random.SplitMix64.key;

import io.haechi.datagen.random.AliasTable;
import io.haechi.datagen.random.Distributions;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The entities of one ad-event run (advertisers, campaigns, ad groups, creatives, publishers, placements) with the
 * per-entity parameters the fact generator needs: shares, CTR and CVR factors, bids, budgets and active windows.
 * Built deterministically from (seed, scale, days); immutable afterwards and shared by the day workers. IDs are
 * dense from 1, children laid out contiguously by parent.
 */
final class AdsUniverse {
    static final double CAMPAIGN_ZIPF = 0.9;
    static final double CHILD_ZIPF = 1.0;
    static final double PUBLISHER_ZIPF = 1.0;
    /** Campaigns that run over the whole window; the others run on a random sub-window of at least a quarter. */
    static final double ALWAYS_ON_SHARE = 0.4;

    final AdsScale scale;
    final LocalDate start;

    // advertisers
    final int[] advertiserVertical;
    final int[] advertiserAgency;
    final boolean[] advertiserCommerce;
    // campaigns
    final int[] campaignAdvertiser;
    final double[] campaignWeight;
    final int[] campaignObjective;
    final int[] campaignBidType;
    final long[] campaignBudgetMicros;
    final double[] campaignCpm;
    final double[] campaignCpc;
    final double[] campaignCvr;
    final int[] campaignFirstDay;
    final int[] campaignLastDay;
    final int[] campaignFirstAdGroup;
    // ad groups
    final int[] adGroupCampaign;
    final int[] adGroupFirstCreative;
    // creatives
    final int[] creativeAdGroup;
    final int[] creativeFormat;
    final double[] creativeCtr;
    // publishers and placements
    final int[] publisherType;
    final int[] publisherFirstPlacement;
    final AliasTable publisherShare;
    final int[] placementPublisher;
    final int[] placementSlot;
    final double[] placementCtrFactor;
    /** cumulative Zipf(1.0) over n children, for n = 1..30: {@code childCdf[n][k]} = P(rank ≤ k+1). */
    final double[][] childCdf;

    AdsUniverse(AdsScale scale, LocalDate start, long seed, double budgetFactor) {
        this.scale = scale;
        this.start = start;
        childCdf = new double[31][];
        for (int n = 1; n <= 30; n++) {
            double[] w = AliasTable.zipfWeights(n, CHILD_ZIPF);
            double sum = 0;
            for (double x : w) {
                sum += x;
            }
            double[] cdf = new double[n];
            double acc = 0;
            for (int k = 0; k < n; k++) {
                acc += w[k] / sum;
                cdf[k] = acc;
            }
            cdf[n - 1] = 1.0;
            childCdf[n] = cdf;
        }

        SplittableRandom r = new SplittableRandom(derive(seed, key(AdsTables.ADVERTISER)));
        int na = scale.advertisers();
        advertiserVertical = new int[na];
        advertiserAgency = new int[na];
        advertiserCommerce = new boolean[na];
        AliasTable verticals = new AliasTable(AdsVocabulary.VERTICAL_SHARES);
        for (int a = 0; a < na; a++) {
            advertiserVertical[a] = verticals.sample(r);
            advertiserAgency[a] = r.nextInt(scale.agencies());
            advertiserCommerce[a] = AdsVocabulary.COMMERCE_VERTICALS.contains(
                    AdsVocabulary.VERTICALS.get(advertiserVertical[a]));
        }

        r = new SplittableRandom(derive(seed, key(AdsTables.CAMPAIGN)));
        int[] perAdvertiser = Allocation.counts(na, scale.campaigns(), 1, 40, 1.0, r);
        int[] firstCampaign = Allocation.offsets(perAdvertiser);
        int nc = firstCampaign[na];
        campaignAdvertiser = new int[nc];
        for (int a = 0; a < na; a++) {
            for (int c = firstCampaign[a]; c < firstCampaign[a + 1]; c++) {
                campaignAdvertiser[c] = a;
            }
        }
        int[] rank = permutation(nc, r);
        campaignWeight = new double[nc];
        campaignObjective = new int[nc];
        campaignBidType = new int[nc];
        campaignBudgetMicros = new long[nc];
        campaignCpm = new double[nc];
        campaignCpc = new double[nc];
        campaignCvr = new double[nc];
        campaignFirstDay = new int[nc];
        campaignLastDay = new int[nc];
        AliasTable objectives = new AliasTable(AdsVocabulary.OBJECTIVE_SHARES);
        AliasTable bidTypes = new AliasTable(AdsVocabulary.BID_TYPE_SHARES);
        int days = scale.days();
        int minDays = Math.max(1, (days + 3) / 4);
        for (int c = 0; c < nc; c++) {
            campaignWeight[c] = 1.0 / Math.pow(rank[c] + 1, CAMPAIGN_ZIPF);
            campaignObjective[c] = objectives.sample(r);
            campaignBidType[c] = bidTypes.sample(r);
            // daily budget: LogNormal(median 500,000 KRW, sigma 1.0), whole KRW
            campaignBudgetMicros[c] = Math.max(1, Math.round(Distributions.logNormal(r, 500_000 * budgetFactor, 1.0)))
                    * 1_000_000L;
            campaignCpm[c] = Distributions.logNormal(r, 2_000, 0.5);
            campaignCpc[c] = Distributions.logNormal(r, 350, 0.5);
            boolean convert = AdsVocabulary.OBJECTIVES.get(campaignObjective[c]).equals("CONVERSION")
                    || AdsVocabulary.BID_TYPES.get(campaignBidType[c]).equals("oCPA");
            campaignCvr[c] = Math.min(0.5, Distributions.logNormal(r, convert ? 0.03 : 0.005, 0.6));
            if (r.nextDouble() < ALWAYS_ON_SHARE) {
                campaignFirstDay[c] = 0;
                campaignLastDay[c] = days - 1;
            } else {
                int length = r.nextInt(minDays, days + 1);
                campaignFirstDay[c] = r.nextInt(0, days - length + 1);
                campaignLastDay[c] = campaignFirstDay[c] + length - 1;
            }
        }

        r = new SplittableRandom(derive(seed, key(AdsTables.AD_GROUP)));
        int[] groupsPerCampaign = Allocation.counts(nc, scale.adGroups(), 1, 6, 0, r);
        campaignFirstAdGroup = Allocation.offsets(groupsPerCampaign);
        int ng = campaignFirstAdGroup[nc];
        adGroupCampaign = parents(campaignFirstAdGroup, ng);

        r = new SplittableRandom(derive(seed, key(AdsTables.CREATIVE)));
        int[] creativesPerGroup = Allocation.counts(ng, scale.creatives(), 1, 5, 0, r);
        adGroupFirstCreative = Allocation.offsets(creativesPerGroup);
        int nk = adGroupFirstCreative[ng];
        creativeAdGroup = parents(adGroupFirstCreative, nk);
        creativeFormat = new int[nk];
        creativeCtr = new double[nk];
        AliasTable formats = new AliasTable(AdsVocabulary.FORMAT_SHARES);
        for (int k = 0; k < nk; k++) {
            creativeFormat[k] = formats.sample(r);
            creativeCtr[k] = AdsVocabulary.FORMAT_CTR[creativeFormat[k]] * Distributions.logNormal(r, 1.0, 0.5);
        }

        r = new SplittableRandom(derive(seed, key(AdsTables.PLACEMENT)));
        int np = scale.publishers();
        publisherType = new int[np];
        publisherType[0] = 0; // the top publisher is the messenger feed
        for (int p = 1; p < np; p++) {
            publisherType[p] = 1 + r.nextInt(AdsVocabulary.PUBLISHER_TYPES.size() - 1);
        }
        publisherShare = new AliasTable(AliasTable.zipfWeights(np, PUBLISHER_ZIPF));
        int[] placementsPerPublisher = Allocation.counts(np, scale.placements(), 1, 30, 1.0, r);
        publisherFirstPlacement = Allocation.offsets(placementsPerPublisher);
        int nl = publisherFirstPlacement[np];
        placementPublisher = parents(publisherFirstPlacement, nl);
        placementSlot = new int[nl];
        placementCtrFactor = new double[nl];
        for (int l = 0; l < nl; l++) {
            boolean firstOfMessenger = l == 0;
            placementSlot[l] = firstOfMessenger ? 0 : r.nextInt(AdsVocabulary.SLOTS.size());
            placementCtrFactor[l] = Distributions.logNormal(r, 1.0, 0.3);
        }
    }

    int campaigns() {
        return campaignAdvertiser.length;
    }

    /** Picks a child of a parent whose children are {@code first[parent]..first[parent+1]-1}, Zipf s=1.0. */
    int pickChild(int[] first, int parent, SplittableRandom random) {
        int from = first[parent];
        int n = first[parent + 1] - from;
        if (n == 1) {
            return from;
        }
        double[] cdf = childCdf[n];
        double u = random.nextDouble();
        int k = 0;
        while (u >= cdf[k]) {
            k++;
        }
        return from + k;
    }

    boolean isCpc(int campaign) {
        return campaignBidType[campaign] == 1;
    }

    // ---- lookup rows ----

    void advertiserRows(Consumer<Object[]> sink) {
        for (int a = 0; a < advertiserVertical.length; a++) {
            sink.accept(new Object[] {a + 1, String.format(Locale.ROOT, "Advertiser %05d", a + 1),
                AdsVocabulary.VERTICALS.get(advertiserVertical[a]), advertiserAgency[a] + 1});
        }
    }

    void campaignRows(Consumer<Object[]> sink) {
        for (int c = 0; c < campaigns(); c++) {
            String objective = AdsVocabulary.OBJECTIVES.get(campaignObjective[c]);
            sink.accept(new Object[] {c + 1, campaignAdvertiser[c] + 1,
                String.format(Locale.ROOT, "Campaign %06d %s", c + 1, objective.toLowerCase(Locale.ROOT)),
                objective, AdsVocabulary.BID_TYPES.get(campaignBidType[c]), campaignBudgetMicros[c],
                start.plusDays(campaignFirstDay[c]), start.plusDays(campaignLastDay[c])});
        }
    }

    void adGroupRows(Consumer<Object[]> sink) {
        for (int g = 0; g < adGroupCampaign.length; g++) {
            sink.accept(new Object[] {g + 1, adGroupCampaign[g] + 1, String.format(Locale.ROOT, "Ad group %06d",
                    g + 1)});
        }
    }

    void creativeRows(Consumer<Object[]> sink) {
        for (int k = 0; k < creativeAdGroup.length; k++) {
            sink.accept(new Object[] {k + 1, creativeAdGroup[k] + 1, AdsVocabulary.FORMATS.get(creativeFormat[k])});
        }
    }

    void placementRows(Consumer<Object[]> sink) {
        for (int l = 0; l < placementPublisher.length; l++) {
            int p = placementPublisher[l];
            sink.accept(new Object[] {l + 1, p + 1, AdsVocabulary.PUBLISHER_TYPES.get(publisherType[p]),
                AdsVocabulary.SLOTS.get(placementSlot[l])});
        }
    }

    private static int[] parents(int[] first, int children) {
        int[] parent = new int[children];
        for (int p = 0; p + 1 < first.length; p++) {
            for (int c = first[p]; c < first[p + 1]; c++) {
                parent[c] = p;
            }
        }
        return parent;
    }

    private static int[] permutation(int n, SplittableRandom r) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
