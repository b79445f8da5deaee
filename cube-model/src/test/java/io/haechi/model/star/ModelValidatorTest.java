package io.haechi.model.star;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.Examples;
import io.haechi.model.ValidationIssue;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.expr.ColumnRef;
import io.haechi.model.expr.Expr;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.DataType;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ModelValidatorTest {
    private static final List<TableDesc> TABLES = Examples.tables("ssb");
    private static final ModelDesc SSB = Examples.model("ssb");

    private static ModelDesc with(UnaryOperator<List<LookupDesc>> lookups) {
        return new ModelDesc(SSB.name(), SSB.factTable(), lookups.apply(new ArrayList<>(SSB.lookups())),
                SSB.partition(), SSB.filter(), SSB.computedColumns());
    }

    private static LookupDesc lookup(String table, String alias, String from, String fk, String pk) {
        return new LookupDesc(table, alias, JoinType.LEFT, from, List.of(fk), List.of(pk));
    }

    private static List<String> issues(ModelDesc model, List<TableDesc> tables) {
        return ModelValidator.validate(model, tables).issues().stream().map(ValidationIssue::toString).toList();
    }

    private static List<String> issues(ModelDesc model) {
        return issues(model, TABLES);
    }

    @Test
    void ssbModelIsValidAndResolves() {
        ModelValidation v = ModelValidator.validate(SSB, TABLES);
        assertThat(v.issues()).isEmpty();
        StarSchema s = v.schema().orElseThrow();
        assertThat(s.factAlias()).isEqualTo("lineorder");
        assertThat(s.columnType("DATES", "D_YEAR")).contains(DataType.INT);
        assertThat(s.columnType("lineorder", "v_revenue")).contains(DataType.BIGINT);
        assertThat(s.joinPath("part")).extracting(LookupDesc::alias).containsExactly("part");
        assertThat(s.scope().resolve(ColumnRef.of("c_city")).canonical()).isEqualTo(ColumnRef.of("customer", "c_city"));
        assertThat(s.computedColumn("V_REVENUE").orElseThrow().expression().columns())
                .containsExactly(ColumnRef.of("lineorder", "lo_extendedprice"),
                        ColumnRef.of("lineorder", "lo_discount"));
    }

    @Test
    void unknownFactTable() {
        ModelDesc m = new ModelDesc("m", "lineorders", List.of(), Optional.empty(), Optional.empty(), List.of());
        ModelValidation v = ModelValidator.validate(m, TABLES);
        assertThat(v.issues()).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(ErrorCode.UNKNOWN_TABLE);
            assertThat(i.toString()).isEqualTo("factTable: unknown table 'lineorders'; known tables: lineorder, "
                    + "dates, customer, supplier, part");
        });
    }

    @Test
    void unknownLookupTable() {
        assertThat(issues(with(l -> {
            l.add(lookup("nation", "nation", "lineorder", "lo_custkey", "n_key"));
            return l;
        }))).containsExactly("lookups[4].table: unknown table 'nation'; known tables: lineorder, dates, customer, "
                + "supplier, part");
    }

    @Test
    void duplicateAlias() {
        assertThat(issues(with(l -> {
            l.add(lookup("customer", "CUSTOMER", "lineorder", "lo_custkey", "c_custkey"));
            l.add(lookup("part", "lineorder", "lineorder", "lo_partkey", "p_partkey"));
            return l;
        }))).containsExactly(
                "lookups[4].alias: alias 'CUSTOMER' is already used by another lookup; aliases must be unique",
                "lookups[5].alias: alias 'lineorder' is already used by the fact table; give this lookup another "
                        + "alias");
    }

    @Test
    void unknownJoinFromAndSelfJoin() {
        assertThat(issues(with(l -> {
            l.add(lookup("customer", "c2", "nowhere", "lo_custkey", "c_custkey"));
            l.add(lookup("customer", "c3", "c3", "c_custkey", "c_custkey"));
            return l;
        }))).containsExactly(
                "lookups[4].joinFrom: 'nowhere' is neither the fact table 'lineorder' nor a lookup alias of this model",
                "lookups[5].joinFrom: lookup 'c3' cannot join from itself");
    }

    @Test
    void snowflakeChainThroughAnotherLookupIsValid() {
        TableDesc nation = new TableDesc("nation", "", SourceFormat.AVRO, List.of(
                new ColumnDesc("n_name", DataType.varchar(15), false),
                new ColumnDesc("n_population", DataType.BIGINT, true)));
        List<TableDesc> tables = new ArrayList<>(TABLES);
        tables.add(nation);
        ModelDesc m = with(l -> {
            l.add(lookup("nation", "cust_nation", "customer", "c_nation", "n_name"));
            return l;
        });
        ModelValidation v = ModelValidator.validate(m, tables);
        assertThat(v.issues()).isEmpty();
        assertThat(v.schema().orElseThrow().joinPath("cust_nation")).extracting(LookupDesc::alias)
                .containsExactly("customer", "cust_nation");
    }

    @Test
    void joinChainThatIsACycleNeverReachesTheFact() {
        assertThat(issues(with(l -> {
            l.add(lookup("customer", "a", "b", "c_custkey", "c_custkey"));
            l.add(lookup("customer", "b", "a", "c_custkey", "c_custkey"));
            return l;
        }))).containsExactly(
                "lookups[4].joinFrom: lookup 'a' does not reach the fact table 'lineorder': its join chain a -> b -> a "
                        + "is a cycle",
                "lookups[5].joinFrom: lookup 'b' does not reach the fact table 'lineorder': its join chain b -> a -> b "
                        + "is a cycle");
    }

    @Test
    void missingJoinColumns() {
        assertThat(issues(with(l -> {
            l.set(0, lookup("dates", "dates", "lineorder", "lo_date", "d_key"));
            return l;
        }))).containsExactly("lookups[0].foreignKey[0]: table 'lineorder' has no column 'lo_date'",
                "lookups[0].primaryKey[0]: table 'dates' has no column 'd_key'");
    }

    @Test
    void joinKeyTypesMustBeCompatible() {
        List<String> found = issues(with(l -> {
            l.set(0, lookup("dates", "dates", "lineorder", "lo_orderdate", "d_yearmonth"));
            return l;
        }));
        assertThat(found).containsExactly("lookups[0].primaryKey[0]: join key types do not match: "
                + "lineorder.lo_orderdate is INT but dates.d_yearmonth is VARCHAR(7) (integers join with integers, "
                + "strings with strings, dates with dates)");
        assertThat(ModelValidator.joinable(DataType.INT, DataType.BIGINT)).isTrue();
        assertThat(ModelValidator.joinable(DataType.SMALLINT, DataType.decimal(10, 0))).isTrue();
        assertThat(ModelValidator.joinable(DataType.varchar(3), DataType.character(3))).isTrue();
        assertThat(ModelValidator.joinable(DataType.INT, DataType.DATE)).isFalse();
        assertThat(ModelValidator.joinable(DataType.INT, DataType.decimal(10, 2))).isFalse();
    }

    private static ModelDesc partitioned(String column, String format) {
        return new ModelDesc("m", "lineorder", List.of(), Optional.of(new PartitionDesc(column,
                Optional.ofNullable(format))), Optional.empty(), List.of());
    }

    @Test
    void partitionColumnTypeAndFormat() {
        assertThat(issues(partitioned("lo_orderdate", "yyyyMMdd"))).isEmpty();
        assertThat(issues(partitioned("lo_shipmode", "yyyy-MM-dd"))).isEmpty();
        assertThat(issues(partitioned("lo_when", "yyyyMMdd"))).containsExactly("partition.column: the partition "
                + "column must be a column of the fact table 'lineorder', which has no column 'lo_when'");
        assertThat(issues(partitioned("lo_orderdate", null))).containsExactly("partition.dateFormat: partition "
                + "column 'lo_orderdate' is INT: an INT partition column needs a dateFormat such as 'yyyyMMdd'");
        assertThat(issues(partitioned("lo_orderdate", "yyyy-MM-dd"))).containsExactly("partition.dateFormat: "
                + "partition column 'lo_orderdate' is INT: an INT partition column needs a digits-only dateFormat "
                + "such as 'yyyyMMdd', but 'yyyy-MM-dd' gives '2024-12-31'");
        assertThat(issues(partitioned("lo_orderdate", "yyyymmdd"))).containsExactly("partition.dateFormat: "
                + "partition column 'lo_orderdate' is INT: dateFormat 'yyyymmdd' must have a year (yyyy), a month (MM)"
                + " and a day (dd); note 'mm' means minutes, months are 'MM'");
        assertThat(issues(partitioned("lo_shipmode", "yyyy-MM-dd qq{"))).singleElement().asString()
                .contains("dateFormat 'yyyy-MM-dd qq{' is not a date pattern");
    }

    @Test
    void datePartitionTakesNoFormatAndOtherTypesAreRefused() {
        TableDesc events = new TableDesc("events", "", SourceFormat.AVRO, List.of(
                new ColumnDesc("day", DataType.DATE, false), new ColumnDesc("amount", DataType.DOUBLE, true)));
        ModelDesc good = new ModelDesc("m", "events", List.of(), Optional.of(new PartitionDesc("day",
                Optional.empty())), Optional.empty(), List.of());
        assertThat(issues(good, List.of(events))).isEmpty();
        ModelDesc formatted = new ModelDesc("m", "events", List.of(), Optional.of(new PartitionDesc("day",
                Optional.of("yyyyMMdd"))), Optional.empty(), List.of());
        assertThat(issues(formatted, List.of(events))).containsExactly("partition.dateFormat: partition column "
                + "'day' is DATE: a DATE partition column takes no dateFormat");
        ModelDesc doubles = new ModelDesc("m", "events", List.of(), Optional.of(new PartitionDesc("amount",
                Optional.of("yyyyMMdd"))), Optional.empty(), List.of());
        assertThat(issues(doubles, List.of(events))).containsExactly("partition.dateFormat: partition column "
                + "'amount' is DOUBLE: a partition column must be DATE, TIMESTAMP, or INT/BIGINT/VARCHAR with a "
                + "dateFormat");
    }

    private static ModelDesc computed(ComputedColumnDesc... columns) {
        return new ModelDesc("m", "lineorder", SSB.lookups(), Optional.empty(), Optional.empty(), List.of(columns));
    }

    @Test
    void computedColumnsUseOnlyFactColumns() {
        assertThat(issues(computed(new ComputedColumnDesc("x", Expr.parse("lo_revenue + d_year"),
                Optional.empty())))).containsExactly("computedColumns[0].expression: 'd_year' is a column of lookup "
                + "'dates'; computed columns may use only columns of the fact table 'lineorder'");
        assertThat(issues(computed(new ComputedColumnDesc("x", Expr.parse("dates.d_year * 2"),
                Optional.empty())))).containsExactly("computedColumns[0].expression: 'dates.d_year' is a column of "
                + "lookup 'dates'; computed columns may use only columns of the fact table 'lineorder'");
        assertThat(issues(computed(new ComputedColumnDesc("x", Expr.parse("lo_nothing * 2"),
                Optional.empty())))).containsExactly("computedColumns[0].expression: unknown column 'lo_nothing' "
                + "(tables here: lineorder)");
    }

    @Test
    void computedColumnNamesAndTypes() {
        assertThat(issues(computed(new ComputedColumnDesc("LO_REVENUE", Expr.parse("lo_tax + 1"),
                Optional.empty())))).containsExactly("computedColumns[0].name: computed column 'LO_REVENUE' clashes "
                + "with the column of the same name in fact table 'lineorder'");
        assertThat(issues(computed(new ComputedColumnDesc("x", Expr.parse("lo_tax + 1"), Optional.empty()),
                new ComputedColumnDesc("X", Expr.parse("lo_tax"), Optional.empty()))))
                .containsExactly("computedColumns[1].name: computed column 'X' is defined twice");
        assertThat(issues(computed(new ComputedColumnDesc("x", Expr.parse("lo_tax + 1"),
                Optional.of(DataType.DATE))))).containsExactly("computedColumns[0].type: declared type DATE does not "
                + "fit the expression's type BIGINT");
        ModelValidation v = ModelValidator.validate(computed(new ComputedColumnDesc("x", Expr.parse("lo_tax * 1.5"),
                Optional.of(DataType.decimal(18, 2)))), TABLES);
        assertThat(v.schema().orElseThrow().columnType("lineorder", "x")).contains(DataType.decimal(18, 2));
    }

    @Test
    void filterMustBeAConditionOverModelColumns() {
        ModelDesc good = new ModelDesc("m", "lineorder", SSB.lookups(), Optional.empty(),
                Optional.of(Expr.parse("d_year >= 1993 AND c_region <> 'ASIA'")), List.of());
        assertThat(ModelValidator.validate(good, TABLES).schema().orElseThrow().filter()).isPresent();
        ModelDesc notBoolean = new ModelDesc("m", "lineorder", SSB.lookups(), Optional.empty(),
                Optional.of(Expr.parse("lo_revenue * 2")), List.of());
        assertThat(issues(notBoolean)).containsExactly("filter: the filter must be a condition (BOOLEAN), but "
                + "'lo_revenue * 2' is BIGINT");
        ModelDesc unknown = new ModelDesc("m", "lineorder", SSB.lookups(), Optional.empty(),
                Optional.of(Expr.parse("dates.d_century = 20")), List.of());
        assertThat(ModelValidator.validate(unknown, TABLES).issues()).singleElement().satisfies(i -> {
            assertThat(i.code()).isEqualTo(ErrorCode.UNKNOWN_COLUMN);
            assertThat(i.toString()).isEqualTo("filter: table 'dates' has no column 'd_century'");
        });
    }

    @Test
    void orThrowListsEveryIssue() {
        ModelDesc bad = with(l -> {
            l.set(0, lookup("dates", "dates", "lineorder", "lo_date", "d_key"));
            return l;
        });
        assertThatThrownBy(() -> ModelValidator.validate(bad, TABLES).orThrow("ssb"))
                .isInstanceOfSatisfying(HaechiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.UNKNOWN_COLUMN);
                    assertThat(e.getMessage()).isEqualTo("model 'ssb' is invalid (2 problems):\n"
                            + "  - lookups[0].foreignKey[0]: table 'lineorder' has no column 'lo_date'\n"
                            + "  - lookups[0].primaryKey[0]: table 'dates' has no column 'd_key'");
                });
    }
}
