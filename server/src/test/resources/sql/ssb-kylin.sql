-- The 13 SSB queries in ssb-kylin's form (ssb.md section 1.2): LEFT JOINs from the fact table, the model's computed
-- column v_revenue, profit as the difference of two SUM measures. Kylin's p_lineorder view is our lineorder (the
-- model declares v_revenue on it) and its zero-padded p_brand is dbgen's p_brand1.

-- name: Q1.1
-- cuboid: lo_quantity, lo_discount, d_year
select sum(v_revenue) as revenue
from lineorder left join dates on lo_orderdate = d_datekey
where d_year = 1993 and lo_discount between 1 and 3 and lo_quantity < 25;

-- name: Q1.2
-- cuboid: d_yearmonthnum, lo_quantity, lo_discount
select sum(v_revenue) as revenue
from lineorder left join dates on lo_orderdate = d_datekey
where d_yearmonthnum = 199401 and lo_discount between 4 and 6 and lo_quantity between 26 and 35;

-- name: Q1.3
-- cuboid: d_weeknuminyear, lo_quantity, lo_discount, d_year
select sum(v_revenue) as revenue
from lineorder left join dates on lo_orderdate = d_datekey
where d_weeknuminyear = 6 and d_year = 1994 and lo_discount between 5 and 7 and lo_quantity between 26 and 35;

-- name: Q2.1
-- cuboid: p_brand1, p_category, s_region, d_year
select sum(lo_revenue) as lo_revenue, d_year, p_brand1
from lineorder
left join dates on lo_orderdate = d_datekey
left join part on lo_partkey = p_partkey
left join supplier on lo_suppkey = s_suppkey
where p_category = 'MFGR#12' and s_region = 'AMERICA'
group by d_year, p_brand1
order by d_year, p_brand1;

-- name: Q2.2
-- cuboid: p_brand1, s_region, d_year
select sum(lo_revenue) as lo_revenue, d_year, p_brand1
from lineorder
left join dates on lo_orderdate = d_datekey
left join part on lo_partkey = p_partkey
left join supplier on lo_suppkey = s_suppkey
where p_brand1 between 'MFGR#2221' and 'MFGR#2228' and s_region = 'ASIA'
group by d_year, p_brand1
order by d_year, p_brand1;

-- name: Q2.3
-- cuboid: p_brand1, s_region, d_year
select sum(lo_revenue) as lo_revenue, d_year, p_brand1
from lineorder
left join dates on lo_orderdate = d_datekey
left join part on lo_partkey = p_partkey
left join supplier on lo_suppkey = s_suppkey
where p_brand1 = 'MFGR#2221' and s_region = 'EUROPE'
group by d_year, p_brand1
order by d_year, p_brand1;

-- name: Q3.1
-- cuboid: s_nation, c_nation, c_region, s_region, d_year
select c_nation, s_nation, d_year, sum(lo_revenue) as lo_revenue
from lineorder
left join dates on lo_orderdate = d_datekey
left join customer on lo_custkey = c_custkey
left join supplier on lo_suppkey = s_suppkey
where c_region = 'ASIA' and s_region = 'ASIA' and d_year >= 1992 and d_year <= 1997
group by c_nation, s_nation, d_year
order by d_year asc, lo_revenue desc;

-- name: Q3.2
-- cuboid: c_city, s_city, s_nation, c_nation, d_year
select c_city, s_city, d_year, sum(lo_revenue) as lo_revenue
from lineorder
left join dates on lo_orderdate = d_datekey
left join customer on lo_custkey = c_custkey
left join supplier on lo_suppkey = s_suppkey
where c_nation = 'UNITED STATES' and s_nation = 'UNITED STATES' and d_year >= 1992 and d_year <= 1997
group by c_city, s_city, d_year
order by d_year asc, lo_revenue desc;

-- name: Q3.3
-- cuboid: c_city, s_city, d_year
select c_city, s_city, d_year, sum(lo_revenue) as lo_revenue
from lineorder
left join dates on lo_orderdate = d_datekey
left join customer on lo_custkey = c_custkey
left join supplier on lo_suppkey = s_suppkey
where (c_city = 'UNITED KI1' or c_city = 'UNITED KI5') and (s_city = 'UNITED KI1' or s_city = 'UNITED KI5')
  and d_year >= 1992 and d_year <= 1997
group by c_city, s_city, d_year
order by d_year asc, lo_revenue desc;

-- name: Q3.4
-- cuboid: c_city, s_city, d_yearmonth, d_year
-- allow-empty: at SF 0.1 no order of Dec 1997 joins a customer and a supplier of those two cities
select c_city, s_city, d_year, sum(lo_revenue) as lo_revenue
from lineorder
left join dates on lo_orderdate = d_datekey
left join customer on lo_custkey = c_custkey
left join supplier on lo_suppkey = s_suppkey
where (c_city = 'UNITED KI1' or c_city = 'UNITED KI5') and (s_city = 'UNITED KI1' or s_city = 'UNITED KI5')
  and d_yearmonth = 'Dec1997'
group by c_city, s_city, d_year
order by d_year asc, lo_revenue desc;

-- name: Q4.1
-- cuboid: p_mfgr, c_nation, c_region, s_region, d_year
select d_year, c_nation, sum(lo_revenue) - sum(lo_supplycost) as profit
from lineorder
left join dates on lo_orderdate = d_datekey
left join customer on lo_custkey = c_custkey
left join supplier on lo_suppkey = s_suppkey
left join part on lo_partkey = p_partkey
where c_region = 'AMERICA' and s_region = 'AMERICA' and (p_mfgr = 'MFGR#1' or p_mfgr = 'MFGR#2')
group by d_year, c_nation
order by d_year, c_nation;

-- name: Q4.2
-- cuboid: p_category, s_nation, p_mfgr, c_region, s_region, d_year
select d_year, s_nation, p_category, sum(lo_revenue) - sum(lo_supplycost) as profit
from lineorder
left join dates on lo_orderdate = d_datekey
left join customer on lo_custkey = c_custkey
left join supplier on lo_suppkey = s_suppkey
left join part on lo_partkey = p_partkey
where c_region = 'AMERICA' and s_region = 'AMERICA' and (d_year = 1997 or d_year = 1998)
  and (p_mfgr = 'MFGR#1' or p_mfgr = 'MFGR#2')
group by d_year, s_nation, p_category
order by d_year, s_nation, p_category;

-- name: Q4.3
-- cuboid: s_city, p_brand1, p_category, s_nation, c_region, d_year
select d_year, s_city, p_brand1, sum(lo_revenue) - sum(lo_supplycost) as profit
from lineorder
left join dates on lo_orderdate = d_datekey
left join customer on lo_custkey = c_custkey
left join supplier on lo_suppkey = s_suppkey
left join part on lo_partkey = p_partkey
where c_region = 'AMERICA' and s_nation = 'UNITED STATES' and (d_year = 1997 or d_year = 1998)
  and p_category = 'MFGR#14'
group by d_year, s_city, p_brand1
order by d_year, s_city, p_brand1;
