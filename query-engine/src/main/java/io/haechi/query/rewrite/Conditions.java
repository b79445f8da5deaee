package io.haechi.query.rewrite;

import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/** Small shapes of conditions the rewrite recognises. */
final class Conditions {
    private Conditions() {
    }

    /** {@code [a, b]} when {@code c} is {@code $a = $b} (casts around the columns ignored), else null. */
    static int[] columnEquality(RexNode c) {
        if (c.getKind() != SqlKind.EQUALS) {
            return null;
        }
        RexCall call = (RexCall) c;
        RexNode l = stripCast(call.getOperands().get(0));
        RexNode r = stripCast(call.getOperands().get(1));
        if (l instanceof RexInputRef a && r instanceof RexInputRef b) {
            return new int[] {a.getIndex(), b.getIndex()};
        }
        return null;
    }

    static RexNode stripCast(RexNode e) {
        while (e.getKind() == SqlKind.CAST) {
            e = ((RexCall) e).getOperands().get(0);
        }
        return e;
    }
}
