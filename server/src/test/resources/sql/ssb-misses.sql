-- Queries no cube of the SSB model answers: each fails with NO_REALIZATION and a reason that names the column,
-- measure, join or shape at fault (the SQLState is checked over JDBC). Any combination of dimensions is
-- answerable, from the base cuboid at worst.

-- name: group by a column that is not a dimension
-- error: - group by lineorder.lo_orderkey, which is not a dimension of cube ssb_per_query
select lo_orderkey, sum(lo_revenue) from lineorder group by lo_orderkey;

-- name: filter on a column that is not a dimension
-- error: - filter on lineorder.lo_tax, which is not a dimension of cube ssb_per_query
select d_year, sum(lo_revenue) from lineorder left join dates on lo_orderdate = d_datekey
where lo_tax = 3 group by d_year;

-- name: a measure the cube lacks
-- error: - SUM(lineorder.lo_tax) has no measure in cube ssb_per_query
select d_year, sum(lo_tax) from lineorder left join dates on lo_orderdate = d_datekey group by d_year;

-- name: grouping sets
-- error: - GROUPING SETS, ROLLUP and CUBE are not answered from cuboids yet
select d_year, sum(lo_revenue) from lineorder left join dates on lo_orderdate = d_datekey group by rollup(d_year);

-- name: a join the model does not have
-- error: - table customer is joined in a way model ssb does not declare
select c_region, sum(lo_revenue) from lineorder join customer on lo_suppkey = c_custkey group by c_region;

-- name: fact rows without aggregation
-- error: - the query reads lineorder rows without aggregating them
select lo_orderkey, lo_linenumber, lo_revenue from lineorder where lo_quantity = 3 and lo_orderkey < 2000;

-- name: count distinct without a bitmap measure
-- error: - COUNT(DISTINCT lineorder.lo_custkey) has no COUNT_DISTINCT measure
select d_year, count(distinct lo_custkey) from lineorder left join dates on lo_orderdate = d_datekey group by d_year;
