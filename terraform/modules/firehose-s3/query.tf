################################################################################
# Query the backup with Athena (query.enabled): a table over the forwarder's envelope lines, partition
# projection on the delivery prefix's date layout (no crawler, no partitions to add), a workgroup with
# encrypted, expiring results, and named queries.
################################################################################

locals {
  query = var.create && var.query.enabled

  # The part of prefix before year=...; the validation guarantees the rest is the date layout.
  query_base_prefix       = try(regex("^(.*/)?year=", var.prefix)[0], "")
  query_base_prefix_clean = local.query_base_prefix == null ? "" : local.query_base_prefix
  query_location          = "s3://${coalesce(module.output_bucket.bucket_name, "unknown")}/${local.query_base_prefix_clean}"

  # The envelope's top-level fields, as the forwarder writes them (README "Output format"). Athena column names
  # are lower case; the SerDe matches JSON keys without regard to case, so timestampType fills timestamptype.
  # value is a string column: a JSON value embedded as an object comes back as its JSON text.
  envelope_columns = [
    { name = "topic", type = "string", comment = "Kafka topic" },
    { name = "partition", type = "int", comment = "Kafka partition" },
    { name = "offset", type = "bigint", comment = "Offset in the partition" },
    { name = "timestamp", type = "bigint", comment = "Record timestamp, milliseconds since the epoch" },
    { name = "timestamptype", type = "string", comment = "CREATE_TIME or LOG_APPEND_TIME" },
    { name = "key", type = "string", comment = "Key as text, or base64 when keyformat is base64; null: no key" },
    { name = "keyformat", type = "string", comment = "text or base64" },
    { name = "headers", type = "array<struct<name:string,value:string,valueformat:string>>", comment = "Headers in order, duplicates kept" },
    { name = "value", type = "string", comment = "Value: JSON text, text, or base64 by valueformat; null: tombstone" },
    { name = "valueformat", type = "string", comment = "json, text or base64" },
    { name = "valuesize", type = "int", comment = "Value size in bytes" },
    { name = "keyschemametadata", type = "struct<dataformat:string,schemaid:string>", comment = "Schema registry metadata of the key, where the event carried it" },
    { name = "valueschemametadata", type = "struct<dataformat:string,schemaid:string>", comment = "Schema registry metadata of the value, where the event carried it" },
  ]

  # Firehose writes <base>year=YYYY/month=MM/day=DD/hour=HH/ in custom_time_zone.
  query_partition_keys = [
    { name = "year", digits = null, range = "${var.query.first_year},2099" },
    { name = "month", digits = "2", range = "1,12" },
    { name = "day", digits = "2", range = "1,31" },
    { name = "hour", digits = "2", range = "0,23" },
  ]

  query_table_parameters = merge(
    {
      EXTERNAL                    = "TRUE"
      classification              = "json"
      "projection.enabled"        = "true"
      "storage.location.template" = "${local.query_location}year=$${year}/month=$${month}/day=$${day}/hour=$${hour}/"
    },
    merge([for k in local.query_partition_keys : merge(
      { "projection.${k.name}.type" = "integer", "projection.${k.name}.range" = k.range },
      k.digits == null ? {} : { "projection.${k.name}.digits" = k.digits },
    )]...),
  )

  table_ref = "\"${coalesce(var.glue_database_name, "-")}\".\"${var.query.table_name}\""

  # Each names the partitions it reads (year/month/day/hour), so Athena reads only those hours.
  named_queries = {
    records-of-a-topic-in-a-time-range = {
      description = "Records of one topic between two timestamps (ms since the epoch), in offset order; set the topic, the times and the partitions' dates."
      query       = <<-SQL
        SELECT topic, "partition", "offset", from_unixtime("timestamp" / 1000e0) AS record_time, key, headers, value, valueformat
        FROM ${local.table_ref}
        WHERE topic = 'msk-events'
          AND year = 2026 AND month = 1 AND day BETWEEN 1 AND 2
          AND "timestamp" BETWEEN 1767225600000 AND 1767398399999
        ORDER BY "partition", "offset"
        LIMIT 1000
      SQL
    }
    count-per-topic-partition-and-hour = {
      description = "Records, tombstones and the offset range per topic, partition and delivery hour for one day."
      query       = <<-SQL
        SELECT topic, "partition", year, month, day, hour,
               count(*) AS records, count_if(value IS NULL) AS tombstones,
               min("offset") AS first_offset, max("offset") AS last_offset
        FROM ${local.table_ref}
        WHERE year = 2026 AND month = 1 AND day = 1
        GROUP BY topic, "partition", year, month, day, hour
        ORDER BY topic, "partition", year, month, day, hour
      SQL
    }
    find-duplicates = {
      description = "Records backed up more than once (same topic, partition and offset): the backup is at least once, a retried batch can repeat records."
      query       = <<-SQL
        SELECT topic, "partition", "offset", count(*) AS copies
        FROM ${local.table_ref}
        WHERE year = 2026 AND month = 1
        GROUP BY topic, "partition", "offset"
        HAVING count(*) > 1
        ORDER BY copies DESC, topic, "partition", "offset"
        LIMIT 1000
      SQL
    }
    find-a-record-by-key = {
      description = "Every record with one key (as text; a binary key is matched by its base64 form with keyformat = 'base64'), newest first."
      query       = <<-SQL
        SELECT topic, "partition", "offset", from_unixtime("timestamp" / 1000e0) AS record_time, keyformat, headers, value, valueformat
        FROM ${local.table_ref}
        WHERE key = 'AMZN' AND keyformat = 'text'
          AND year = 2026 AND month = 1
        ORDER BY "timestamp" DESC
        LIMIT 100
      SQL
    }
  }
}

resource "aws_glue_catalog_table" "records" {
  count = local.query ? 1 : 0

  name          = var.query.table_name
  database_name = aws_glue_catalog_database.this[0].name
  description   = "${var.name}: the forwarder's envelope lines backed up by Firehose, one row per Kafka record"
  table_type    = "EXTERNAL_TABLE"
  parameters    = local.query_table_parameters

  dynamic "partition_keys" {
    for_each = local.query_partition_keys
    content {
      name = partition_keys.value.name
      type = "int"
    }
  }

  storage_descriptor {
    location      = local.query_location
    input_format  = "org.apache.hadoop.mapred.TextInputFormat"
    output_format = "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"

    ser_de_info {
      name                  = "envelope"
      serialization_library = "org.openx.data.jsonserde.JsonSerDe"
      # Every line is one envelope; a line that is not one is an error, not a row of nulls.
      parameters = {
        "case.insensitive"      = "TRUE"
        "ignore.malformed.json" = "FALSE"
      }
    }

    dynamic "columns" {
      for_each = local.envelope_columns
      content {
        name    = columns.value.name
        type    = columns.value.type
        comment = columns.value.comment
      }
    }
  }
}

# Query results hold copies of the records: encrypted like the backup and deleted after a few days.
module "query_results_bucket" {
  source = "../secure-bucket"

  create        = local.query
  bucket_prefix = substr("${var.name}-athena-", 0, 37)
  force_destroy = var.force_destroy
  tags          = var.tags

  sse_algorithm = local.use_cmk ? "aws:kms" : "AES256"
  kms_key_arn   = local.use_cmk ? local.kms_key_arn : null
  lifecycle_rules = [
    {
      id                                     = "expire-query-results"
      abort_incomplete_multipart_upload_days = 1
      expiration_days                        = var.query.results_expiration_in_days
    },
  ]
}

resource "aws_athena_workgroup" "this" {
  count = local.query ? 1 : 0

  name          = "${var.name}-backup"
  description   = "${var.name}: queries over the Firehose backup; results encrypted, expiring after ${var.query.results_expiration_in_days} days"
  force_destroy = var.force_destroy
  tags          = var.tags

  configuration {
    # Clients cannot send results elsewhere or unencrypted.
    enforce_workgroup_configuration    = true
    publish_cloudwatch_metrics_enabled = true
    bytes_scanned_cutoff_per_query     = var.query.bytes_scanned_cutoff_per_query

    engine_version {
      selected_engine_version = "Athena engine version 3"
    }

    result_configuration {
      output_location = "s3://${coalesce(module.query_results_bucket.bucket_name, "unknown")}/results/"

      encryption_configuration {
        encryption_option = local.use_cmk ? "SSE_KMS" : "SSE_S3"
        kms_key_arn       = local.use_cmk ? local.kms_key_arn : null
      }
    }
  }
}

resource "aws_athena_named_query" "this" {
  for_each = local.query ? local.named_queries : {}

  name        = each.key
  description = each.value.description
  workgroup   = aws_athena_workgroup.this[0].id
  database    = aws_glue_catalog_database.this[0].name
  query       = trimspace(each.value.query)
}
