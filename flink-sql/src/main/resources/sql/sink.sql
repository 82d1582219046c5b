-- JSON files under the output path, one directory per ticker, day and hour of the event time:
--   <path>/ticker=AMZN/dt=2026-01-15/hr=10/part-...
-- A partition is committed (a _SUCCESS file) once the watermark has passed the end of its hour plus the delay;
-- files themselves become visible at each checkpoint. Late records still land in their own hour's partition,
-- which is then committed again.
CREATE TABLE sink_table_s3 (
  event_time TIMESTAMP(3),
  ticker STRING,
  price DOUBLE,
  dt STRING,
  hr STRING
) PARTITIONED BY (ticker, dt, hr) WITH (
  'connector' = 'filesystem',
  'path' = '${output_path}',
  'format' = 'json',
  'sink.partition-commit.trigger' = 'partition-time',
  'partition.time-extractor.timestamp-pattern' = '$dt $hr:00:00',
  'sink.partition-commit.delay' = '${commit_delay}',
  'sink.partition-commit.policy.kind' = 'success-file'
);
