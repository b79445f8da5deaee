package io.haechi.bench.queries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchQueryTest {
    @Test
    void literalSetsStartWithThePaperAndAreTheSameForTheSameSeed() {
        for (BenchQuery q : SsbQueries.all()) {
            List<List<Object>> a = q.literalSets(7, 32);
            assertThat(a).hasSize(32);
            assertThat(a.get(0)).isEqualTo(q.paper());
            assertThat(q.literalSets(7, 32)).as(q.name()).isEqualTo(a);
            assertThat(a).allSatisfy(set -> assertThat(set).hasSize(q.parameterCount()));
            Set<List<Object>> distinct = new HashSet<>(a);
            assertThat(distinct.size()).as(q.name() + " varies its literals").isGreaterThan(8);
        }
    }

    @Test
    void thirteenPaperQueriesInOrder() {
        assertThat(SsbQueries.all()).extracting(BenchQuery::name).containsExactly("Q1.1", "Q1.2", "Q1.3", "Q2.1",
                "Q2.2", "Q2.3", "Q3.1", "Q3.2", "Q3.3", "Q3.4", "Q4.1", "Q4.2", "Q4.3");
    }

    @Test
    void inlineWritesThePaperQuery() {
        BenchQuery q11 = SsbQueries.all().get(0);
        assertThat(q11.inline(q11.paper())).endsWith("d_year = 1993 and lo_discount between 1 and 3 "
                + "and lo_quantity < 25");
        BenchQuery q34 = SsbQueries.all().get(9);
        assertThat(q34.inline(q34.paper())).contains("(c_city = 'UNITED KI1' or c_city = 'UNITED KI5')")
                .contains("d_yearmonth = 'Dec1997'");
    }

    @Test
    void drawsStayInTheGeneratorsDomains() {
        for (List<Object> set : SsbQueries.all().get(9).literalSets(1, 200)) {
            // cities: 9 characters of a nation, space-padded, and a digit; two different ones
            assertThat((String) set.get(0)).matches("[A-Z ]{9}[0-9]");
            assertThat(set.get(0)).isNotEqualTo(set.get(1));
            assertThat((String) set.get(4)).matches("(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)199[2-7]");
        }
        for (List<Object> set : SsbQueries.all().get(4).literalSets(1, 200)) {
            // Q2.2: a brand range inside one category, two-digit brand numbers so the string order is numeric
            assertThat((String) set.get(0)).matches("MFGR#[1-5][1-5][1-3][0-9]");
            assertThat(((String) set.get(0)).substring(0, 7)).isEqualTo(((String) set.get(1)).substring(0, 7));
            assertThat(((String) set.get(0)).compareTo((String) set.get(1))).isNegative();
        }
        for (List<Object> set : SsbQueries.all().get(0).literalSets(1, 200)) {
            assertThat((Integer) set.get(0)).isBetween(1992, 1998);
            assertThat((Integer) set.get(2) - (Integer) set.get(1)).isEqualTo(2);
        }
    }

    @Test
    void adQueriesDrawFromThePools() {
        List<BenchQuery> qs = AdsQueries.all(List.of(66, 33), List.of(595, 1611), LocalDate.of(2024, 1, 1), 28,
                10_000);
        assertThat(qs).hasSize(6);
        assertThat(qs.get(0).paper()).containsExactly(66, LocalDate.of(2024, 1, 15), LocalDate.of(2024, 1, 28));
        for (List<Object> set : qs.get(0).literalSets(3, 100)) {
            assertThat((Integer) set.get(0)).isIn(66, 33);
            LocalDate to = (LocalDate) set.get(2);
            assertThat(to).isBetween(LocalDate.of(2024, 1, 14), LocalDate.of(2024, 1, 28));
            assertThat(set.get(1)).isEqualTo(to.minusDays(13));
        }
        assertThat(qs.get(5).parameterCount()).isZero();
    }

    @Test
    void placeholdersMustMatchThePaperLiterals() {
        assertThatThrownBy(() -> new BenchQuery("x", "select ?", List.of(), r -> List.of()))
                .hasMessageContaining("1 placeholders but 0");
    }
}
