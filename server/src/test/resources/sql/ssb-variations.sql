-- Variations around the SSB queries: other literals, IN lists, OR across dimensions, NOT, IS NULL, HAVING,
-- ORDER BY ... LIMIT, AVG, COUNT(*), arithmetic over aggregates, a window over aggregates, a subquery, UNION,
-- no GROUP BY, rollup from a finer cuboid, and prepared statements with parameters.

-- name: year range and IN list of discounts
-- cuboid: lo_quantity, lo_discount, d_year
select d_year, sum(v_revenue) as revenue, count(*) as orders
from lineorder left join dates on lo_orderdate = d_datekey
where d_year between 1995 and 1997 and lo_discount in (1, 3, 5, 7) and lo_quantity >= 40
group by d_year
order by d_year;

-- name: IN list of nations with HAVING and LIMIT
-- cuboid: c_region, s_region, c_nation, s_nation, d_year
select c_nation, sum(lo_revenue) as revenue
from lineorder
left join customer on lo_custkey = c_custkey
left join supplier on lo_suppkey = s_suppkey
left join dates on lo_orderdate = d_datekey
where c_nation in ('CHINA', 'JAPAN', 'INDIA', 'FRANCE', 'BRAZIL') and s_region <> 'AFRICA'
group by c_nation
having sum(lo_revenue) > 1000000
order by revenue desc
limit 3;

-- name: OR across two dimensions
-- cuboid: c_region, s_region, c_nation, s_nation, d_year
select d_year, count(*) as orders, sum(lo_revenue) as revenue
from lineorder
left join customer on lo_custkey = c_custkey
left join supplier on lo_suppkey = s_suppkey
left join dates on lo_orderdate = d_datekey
where c_region = 'ASIA' or s_region = 'EUROPE'
group by d_year;

-- name: NOT and a range on the leading dimension
-- cuboid: p_brand1, s_region, d_year
select p_brand1, sum(lo_revenue) as revenue
from lineorder
left join part on lo_partkey = p_partkey
left join supplier on lo_suppkey = s_suppkey
left join dates on lo_orderdate = d_datekey
where p_brand1 >= 'MFGR#3' and p_brand1 < 'MFGR#32' and not (s_region = 'ASIA' or d_year = 1998)
group by p_brand1;

-- name: AVG and COUNT, no GROUP BY
-- cuboid: lo_quantity, lo_discount, d_year
select avg(lo_revenue) as avg_revenue, count(*) as orders
from lineorder left join dates on lo_orderdate = d_datekey
where d_year = 1996;

-- name: arithmetic over aggregates
-- cuboid: p_mfgr, c_nation, c_region, s_region, d_year
select d_year, sum(lo_revenue) * 1.0 / sum(lo_supplycost) as margin, sum(lo_revenue) - sum(lo_supplycost) as profit
from lineorder
left join dates on lo_orderdate = d_datekey
left join customer on lo_custkey = c_custkey
left join supplier on lo_suppkey = s_suppkey
left join part on lo_partkey = p_partkey
where p_mfgr = 'MFGR#3'
group by d_year;

-- name: window over aggregates
-- cuboid: c_region, s_region, c_nation, s_nation, d_year
select c_region, d_year, sum(lo_revenue) as revenue,
       rank() over (partition by c_region order by sum(lo_revenue) desc) as rnk
from lineorder
left join customer on lo_custkey = c_custkey
left join supplier on lo_suppkey = s_suppkey
left join dates on lo_orderdate = d_datekey
group by c_region, d_year;

-- name: no GROUP BY, whole cube
-- cuboid: lo_quantity, lo_discount, d_year
select sum(lo_revenue) as revenue, count(*) as n, sum(lo_revenue - lo_supplycost) as profit from lineorder;

-- name: filter that matches nothing
-- cuboid: lo_quantity, lo_discount, d_year
select count(*) as n, sum(v_revenue) as revenue
from lineorder left join dates on lo_orderdate = d_datekey
where d_year = 2050;

-- name: subquery over an aggregate
-- cuboid: c_region, s_region, c_nation, s_nation, d_year
select count(*) as years, max(revenue) as best
from (select d_year, sum(lo_revenue) as revenue
      from lineorder
      left join customer on lo_custkey = c_custkey
      left join supplier on lo_suppkey = s_suppkey
      left join dates on lo_orderdate = d_datekey
      where c_region = 'AMERICA'
      group by d_year) t;

-- name: prepared statement with parameters
-- cuboid: lo_quantity, lo_discount, d_year
-- params: 1993 | 1 | 3 | 25
-- params: 1994 | 4 | 6 | 35
-- params: 1997 | 0 | 10 | 51
select sum(v_revenue) as revenue
from lineorder left join dates on lo_orderdate = d_datekey
where d_year = ? and lo_discount between ? and ? and lo_quantity < ?;

-- name: UNION ALL of two aggregates, each served by a cube scan
-- cuboid: c_region, s_region, c_nation, s_nation, d_year
select 'ASIA' as region, sum(lo_revenue) as revenue
from lineorder left join customer on lo_custkey = c_custkey
where c_region = 'ASIA'
union all
select 'EUROPE', sum(lo_revenue)
from lineorder left join customer on lo_custkey = c_custkey
where c_region = 'EUROPE';

-- name: CASE over aggregates
-- cuboid: lo_quantity, lo_discount, d_year
select d_year,
       case when sum(lo_revenue) > 400000000000 then 'high' when count(*) > 0 then 'low' else 'none' end as band,
       count(*) as n
from lineorder left join dates on lo_orderdate = d_datekey
group by d_year;
