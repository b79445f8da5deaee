package io.haechi.datagen.ads;

import io.haechi.datagen.OutputFormat;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.DataType;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The ad-event tables as the generator writes them: the fact {@code ad_event} with exactly the columns of
 * ad-events.md, the lookups {@code advertiser}, {@code campaign}, {@code creative} and {@code placement} it lists,
 * and an {@code ad_group} lookup (ad group → campaign) so that the advertiser &gt; campaign &gt; ad_group &gt;
 * creative chain can be joined as a snowflake. No column is nullable.
 */
public final class AdsTables {
    public static final String AD_EVENT = "ad_event";
    public static final String ADVERTISER = "advertiser";
    public static final String CAMPAIGN = "campaign";
    public static final String AD_GROUP = "ad_group";
    public static final String CREATIVE = "creative";
    public static final String PLACEMENT = "placement";

    /** The partition directory key of ad_event. */
    public static final String AD_EVENT_PARTITION_KEY = "event_date";

    private static final TableDesc AD_EVENT_DESC = table(AD_EVENT,
            "event_date DATE", "event_hour SMALLINT", "advertiser_id INT", "campaign_id INT", "ad_group_id INT",
            "creative_id INT", "publisher_id INT", "placement_id INT", "device_type VARCHAR(8)", "os VARCHAR(8)",
            "region VARCHAR(12)", "city VARCHAR(24)", "age_band VARCHAR(8)", "gender CHAR(1)", "user_id BIGINT",
            "impressions INT", "clicks INT", "conversions INT", "cost_micros BIGINT", "conv_value_micros BIGINT");
    private static final TableDesc ADVERTISER_DESC = table(ADVERTISER,
            "advertiser_id INT", "name VARCHAR(32)", "vertical VARCHAR(16)", "agency_id INT");
    private static final TableDesc CAMPAIGN_DESC = table(CAMPAIGN,
            "campaign_id INT", "advertiser_id INT", "name VARCHAR(48)", "objective VARCHAR(12)",
            "bid_type VARCHAR(4)", "daily_budget_micros BIGINT", "start_date DATE", "end_date DATE");
    private static final TableDesc AD_GROUP_DESC = table(AD_GROUP,
            "ad_group_id INT", "campaign_id INT", "name VARCHAR(32)");
    private static final TableDesc CREATIVE_DESC = table(CREATIVE,
            "creative_id INT", "ad_group_id INT", "format VARCHAR(12)");
    private static final TableDesc PLACEMENT_DESC = table(PLACEMENT,
            "placement_id INT", "publisher_id INT", "publisher_type VARCHAR(12)", "slot VARCHAR(16)");

    private AdsTables() {
    }

    public static TableDesc adEvent() {
        return AD_EVENT_DESC;
    }

    public static TableDesc advertiser() {
        return ADVERTISER_DESC;
    }

    public static TableDesc campaign() {
        return CAMPAIGN_DESC;
    }

    public static TableDesc adGroup() {
        return AD_GROUP_DESC;
    }

    public static TableDesc creative() {
        return CREATIVE_DESC;
    }

    public static TableDesc placement() {
        return PLACEMENT_DESC;
    }

    /** All six, fact first. */
    public static List<TableDesc> all() {
        return List.of(AD_EVENT_DESC, ADVERTISER_DESC, CAMPAIGN_DESC, AD_GROUP_DESC, CREATIVE_DESC, PLACEMENT_DESC);
    }

    /**
     * The tables as a generator run wrote them: location {@code outDir/<table>} (a directory of part files,
     * partitioned for the fact table), format as written.
     */
    public static List<TableDesc> at(Path outDir, OutputFormat format) {
        List<TableDesc> list = new ArrayList<>();
        for (TableDesc t : all()) {
            list.add(new TableDesc(t.name(), outDir.resolve(t.name()).toString(), format.sourceFormat(), t.columns()));
        }
        return List.copyOf(list);
    }

    private static TableDesc table(String name, String... columns) {
        List<ColumnDesc> list = new ArrayList<>();
        for (String c : columns) {
            int space = c.indexOf(' ');
            list.add(new ColumnDesc(c.substring(0, space), DataType.parse(c.substring(space + 1)), false));
        }
        return new TableDesc(name, "", SourceFormat.AVRO, list);
    }
}
