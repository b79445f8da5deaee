package io.haechi.query.schema;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Aggregate types as an analyst (and DuckDB) expects them: SUM over integers is BIGINT (Calcite's default keeps
 * INTEGER, which overflows on ad volumes), SUM over DECIMAL widens to 38 digits, AVG over exact numbers is DOUBLE.
 * CASE and UNION over strings of different lengths give VARCHAR rather than blank-padded CHAR: {@code 'ASIA'}, not
 * {@code 'ASIA  '}, as PostgreSQL and DuckDB answer.
 */
public final class HaechiTypeSystem extends RelDataTypeSystemImpl {
    public static final HaechiTypeSystem INSTANCE = new HaechiTypeSystem();

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? 38 : super.getMaxPrecision(typeName);
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory types, RelDataType argumentType) {
        RelDataType sum = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> types.createSqlType(SqlTypeName.BIGINT);
            case DECIMAL -> types.createSqlType(SqlTypeName.DECIMAL, 38, argumentType.getScale());
            default -> super.deriveSumType(types, argumentType);
        };
        return types.createTypeWithNullability(sum, argumentType.isNullable());
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory types, RelDataType argumentType) {
        return switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT, DECIMAL ->
                    types.createTypeWithNullability(types.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
            default -> super.deriveAvgAggType(types, argumentType);
        };
    }
}
