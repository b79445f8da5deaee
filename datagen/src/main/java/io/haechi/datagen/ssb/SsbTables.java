package io.haechi.datagen.ssb;

import io.haechi.datagen.OutputFormat;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.DataType;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The five SSB tables as the generator writes them (ssb.md §1.1 names). Keys and measures are INT except
 * {@code lo_orderkey}, which is always BIGINT so the schema does not change with the scale factor (it passes the
 * INT range at SF 358). Dates in the fact table are INT {@code yyyymmdd} like {@code d_datekey}. The date table's
 * flags are INT 0/1. No column is nullable. Locations are empty: the caller sets them.
 */
public final class SsbTables {
    public static final String LINEORDER = "lineorder";
    public static final String DATES = "dates";
    public static final String CUSTOMER = "customer";
    public static final String SUPPLIER = "supplier";
    public static final String PART = "part";

    /** The partition directory key of lineorder: the month of {@code lo_orderdate}, as yyyymm. */
    public static final String LINEORDER_PARTITION_KEY = "yearmonth";

    private static final TableDesc LINEORDER_DESC = table(LINEORDER,
            "lo_orderkey BIGINT", "lo_linenumber INT", "lo_custkey INT", "lo_partkey INT", "lo_suppkey INT",
            "lo_orderdate INT", "lo_orderpriority VARCHAR(15)", "lo_shippriority INT", "lo_quantity INT",
            "lo_extendedprice INT", "lo_ordtotalprice INT", "lo_discount INT", "lo_revenue INT",
            "lo_supplycost INT", "lo_tax INT", "lo_commitdate INT", "lo_shipmode VARCHAR(10)");
    private static final TableDesc DATES_DESC = table(DATES,
            "d_datekey INT", "d_date VARCHAR(18)", "d_dayofweek VARCHAR(9)", "d_month VARCHAR(9)", "d_year INT",
            "d_yearmonthnum INT", "d_yearmonth VARCHAR(7)", "d_daynuminweek INT", "d_daynuminmonth INT",
            "d_daynuminyear INT", "d_monthnuminyear INT", "d_weeknuminyear INT", "d_sellingseason VARCHAR(12)",
            "d_lastdayinweekfl INT", "d_lastdayinmonthfl INT", "d_holidayfl INT", "d_weekdayfl INT");
    private static final TableDesc CUSTOMER_DESC = table(CUSTOMER,
            "c_custkey INT", "c_name VARCHAR(25)", "c_address VARCHAR(25)", "c_city VARCHAR(10)",
            "c_nation VARCHAR(15)", "c_region VARCHAR(12)", "c_phone VARCHAR(15)", "c_mktsegment VARCHAR(10)");
    private static final TableDesc SUPPLIER_DESC = table(SUPPLIER,
            "s_suppkey INT", "s_name VARCHAR(25)", "s_address VARCHAR(25)", "s_city VARCHAR(10)",
            "s_nation VARCHAR(15)", "s_region VARCHAR(12)", "s_phone VARCHAR(15)");
    private static final TableDesc PART_DESC = table(PART,
            "p_partkey INT", "p_name VARCHAR(22)", "p_mfgr VARCHAR(6)", "p_category VARCHAR(7)",
            "p_brand1 VARCHAR(9)", "p_color VARCHAR(11)", "p_type VARCHAR(25)", "p_size INT",
            "p_container VARCHAR(10)");

    private SsbTables() {
    }

    public static TableDesc lineorder() {
        return LINEORDER_DESC;
    }

    public static TableDesc dates() {
        return DATES_DESC;
    }

    public static TableDesc customer() {
        return CUSTOMER_DESC;
    }

    public static TableDesc supplier() {
        return SUPPLIER_DESC;
    }

    public static TableDesc part() {
        return PART_DESC;
    }

    /** All five, fact first. */
    public static List<TableDesc> all() {
        return List.of(LINEORDER_DESC, DATES_DESC, CUSTOMER_DESC, SUPPLIER_DESC, PART_DESC);
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
