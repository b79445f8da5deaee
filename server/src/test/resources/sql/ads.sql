-- The six analyst queries of ad-events.md over the ad cube, each with several parameter values (ads scale 0.05,
-- seven days from 2024-01-01: advertiser 66 is the largest, 33 and 196 follow; campaigns 595 (of 66) and 1611
-- (of 196)). ":d - 13 .. :d" is passed as two dates. Query 3's 10,000-impression floor is scaled to this data.

-- name: 1 daily CTR by campaign
-- cuboid: event_date, advertiser_id, campaign_id
-- params: 66 | 2024-01-01 | 2024-01-07
-- params: 33 | 2024-01-03 | 2024-01-05
-- params: 196 | 2024-01-07 | 2024-01-07
select event_date, campaign_id, sum(impressions) imps, sum(clicks) clk, sum(clicks) * 1.0 / sum(impressions) ctr
from ad_event
where advertiser_id = ? and event_date between ? and ?
group by 1, 2
order by 1, 2;

-- name: 2 reach and frequency by region for one campaign
-- cuboid: event_date, advertiser_id, campaign_id, region
-- params: 595
-- params: 1611
select region, count(distinct user_id) reach, sum(impressions) * 1.0 / count(distinct user_id) freq
from ad_event
where campaign_id = ?
group by region
order by reach desc;

-- name: 3 top 10 creatives by CTR in the last days
-- cuboid: event_date, advertiser_id, campaign_id, ad_group_id, creative_id
-- params: 66 | 2024-01-01 | 100
-- params: 33 | 2024-01-04 | 50
select creative_id, sum(impressions), sum(clicks) * 1.0 / sum(impressions) ctr
from ad_event
where advertiser_id = ? and event_date > ?
group by 1
having sum(impressions) >= ?
order by ctr desc, creative_id
limit 10;

-- name: 4 demographics of a campaign
-- cuboid: event_date, advertiser_id, campaign_id, age_band, gender
-- params: 595
-- params: 1611
select age_band, gender, sum(impressions), sum(clicks), sum(conversions),
       sum(cost_micros) / nullif(sum(conversions), 0) cpa
from ad_event
where campaign_id = ?
group by 1, 2;

-- name: 5 city drill-down in Seoul
-- cuboid: event_date, advertiser_id, region, city
-- params: 66
-- params: 33
select city, count(distinct user_id) reach, sum(impressions)
from ad_event
where advertiser_id = ? and region = 'Seoul'
group by city
order by reach desc;

-- name: 6 ROAS by vertical and objective per day
-- cuboid: event_date, advertiser_id, campaign_id
-- (with NULLIF: a group that spent nothing would divide by zero, an error here as in PostgreSQL)
select event_date, a.vertical, c.objective, sum(conv_value_micros) * 1.0 / nullif(sum(cost_micros), 0) roas
from ad_event e join advertiser a using (advertiser_id) join campaign c using (campaign_id)
group by 1, 2, 3;

-- name: derived dimension filter and IN list
-- cuboid: event_date, advertiser_id, campaign_id
select a.vertical, count(*) impressions_rows, sum(clicks) clicks
from ad_event e left join advertiser a on e.advertiser_id = a.advertiser_id
left join campaign c on e.campaign_id = c.campaign_id
where c.objective in ('CONVERSION', 'TRAFFIC') and e.event_date >= date '2024-01-03'
group by a.vertical;

-- name: device and os, AVG of a measure
-- cuboid: event_date, device_type, os
select device_type, os, avg(cost_micros) avg_cost, count(distinct user_id) users
from ad_event
where os is not null
group by device_type, os;
