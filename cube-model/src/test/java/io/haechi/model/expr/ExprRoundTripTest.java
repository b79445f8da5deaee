package io.haechi.model.expr;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.model.table.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** parse(print(e)) == e over random trees of the shapes the parser produces. */
class ExprRoundTripTest {
    private final Random random = new Random(20261125);

    @Test
    void randomTreesRoundTrip() {
        for (int i = 0; i < 2000; i++) {
            Expr e = tree(4);
            String printed = e.toString();
            assertThat(Expr.parse(printed)).as(printed).isEqualTo(e);
        }
    }

    private Expr tree(int depth) {
        if (depth == 0 || random.nextInt(4) == 0) {
            return leaf();
        }
        Expr a = tree(depth - 1);
        Expr b = tree(depth - 1);
        switch (random.nextInt(9)) {
            case 0, 1, 2:
                return new BinaryExpr(BinaryOp.values()[random.nextInt(BinaryOp.values().length)], a, b);
            case 3:
                // the parser folds a minus sign into a numeric literal, so NEGATE never wraps one directly
                return a instanceof Literal l && l.type().name().isNumeric() ? new UnaryExpr(UnaryOp.NOT, a)
                        : new UnaryExpr(random.nextBoolean() ? UnaryOp.NEGATE : UnaryOp.NOT, a);
            case 4:
                return new InExpr(a, List.of(b, leaf()), random.nextBoolean());
            case 5:
                return new BetweenExpr(a, b, leaf(), random.nextBoolean());
            case 6:
                return new IsNullExpr(a, random.nextBoolean());
            case 7:
                List<CaseExpr.When> whens = new ArrayList<>();
                whens.add(new CaseExpr.When(a, b));
                if (random.nextBoolean()) {
                    whens.add(new CaseExpr.When(leaf(), tree(depth - 1)));
                }
                return new CaseExpr(whens, random.nextBoolean() ? Optional.of(leaf()) : Optional.empty());
            default:
                return new CastExpr(a, random.nextBoolean() ? DataType.BIGINT : DataType.decimal(12, 3));
        }
    }

    private Expr leaf() {
        return switch (random.nextInt(9)) {
            case 0 -> ColumnRef.of("c" + random.nextInt(5));
            case 1 -> ColumnRef.of("t" + random.nextInt(2), "c" + random.nextInt(5));
            case 2 -> Literal.of(random.nextInt(2001) - 1000);
            case 3 -> Literal.of(random.nextLong());
            case 4 -> Literal.of(BigDecimal.valueOf(random.nextInt(100000) - 50000, random.nextInt(4) + 1));
            case 5 -> Literal.of("s'" + random.nextInt(10));
            case 6 -> Literal.of(LocalDate.ofEpochDay(random.nextInt(20000)));
            case 7 -> Literal.of(random.nextDouble() * 1000 - 500);
            default -> random.nextBoolean() ? NullLiteral.INSTANCE : Literal.of(random.nextBoolean());
        };
    }
}
