-- The stock ticks on the Kafka topic, one JSON object per record:
--   {"event_time": "2026-01-15T10:57:00.250", "ticker": "AMZN", "price": 57.31}
-- The watermark trails the highest event time seen by 5 seconds. Malformed records are skipped
-- ('json.ignore-parse-errors'): unparsable JSON yields no row, an unparsable field yields NULL.
-- The security options come from security/<mode>.sql, chosen by the cluster's access-control mode, and where the
-- source starts (and, when bounded, stops) from scan/unbounded.sql or scan/bounded.sql: 'scan.bounded.mode' exists
-- from the Kafka connector of Flink 1.17 on, and Flink 1.15 (the Studio notebook) rejects it as an unsupported
-- option, so only a bounded source, which only the local check asks for, renders it.
CREATE TABLE stock_table (
  ticker VARCHAR(6),
  price DOUBLE,
  event_time TIMESTAMP(3),
  WATERMARK FOR event_time AS event_time - INTERVAL '5' SECOND
) WITH (
  'connector' = 'kafka',
  'topic' = '${topic}',
  'properties.bootstrap.servers' = '${bootstrap_servers}',
  'properties.group.id' = '${group_id}',
  ${scan_options},
  'format' = 'json',
  'json.timestamp-format.standard' = 'ISO-8601',
  'json.ignore-parse-errors' = 'true',
  ${security_options}
);
