-- Ticks above 50, partitioned by ticker, date and hour. Rows whose ticker or event time could not be read are
-- left out: they would otherwise land in a __DEFAULT_PARTITION__ directory that no partition time describes.
INSERT INTO sink_table_s3
SELECT
  event_time,
  ticker,
  price,
  DATE_FORMAT(event_time, 'yyyy-MM-dd') AS dt,
  DATE_FORMAT(event_time, 'HH') AS hr
FROM stock_table
WHERE price > 50
  AND ticker IS NOT NULL
  AND event_time IS NOT NULL;
