# query.enabled: the Glue table over the backup, its partition projection, the Athena workgroup and the named
# queries, against the mocked provider; and the table's columns against real forwarder output: the sample that
# the forwarder's own test keeps equal to what RecordLineEncoder writes.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  name               = "msk-demo"
  glue_database_name = "msk_demo"
  create_kms_key     = true
  query              = { enabled = true }
}

run "table_reads_the_envelope_lines_under_the_date_prefix" {
  command = apply

  assert {
    condition     = aws_glue_catalog_table.records[0].name == "records" && aws_glue_catalog_table.records[0].database_name == "msk_demo" && aws_glue_catalog_table.records[0].table_type == "EXTERNAL_TABLE"
    error_message = "The table is an external table in the module's database."
  }

  assert {
    condition = (
      aws_glue_catalog_table.records[0].storage_descriptor[0].ser_de_info[0].serialization_library == "org.openx.data.jsonserde.JsonSerDe" &&
      aws_glue_catalog_table.records[0].storage_descriptor[0].ser_de_info[0].parameters == tomap({ "case.insensitive" = "TRUE", "ignore.malformed.json" = "FALSE" }) &&
      aws_glue_catalog_table.records[0].storage_descriptor[0].input_format == "org.apache.hadoop.mapred.TextInputFormat" &&
      aws_glue_catalog_table.records[0].storage_descriptor[0].output_format == "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat"
    )
    error_message = "One JSON object per line, read by the OpenX JSON SerDe (keys matched without regard to case), text input (GZIP by extension)."
  }

  assert {
    condition = [for c in aws_glue_catalog_table.records[0].storage_descriptor[0].columns : "${c.name}:${c.type}"] == [
      "topic:string", "partition:int", "offset:bigint", "timestamp:bigint", "timestamptype:string", "key:string",
      "keyformat:string", "headers:array<struct<name:string,value:string,valueformat:string>>", "value:string",
      "valueformat:string", "valuesize:int", "keyschemametadata:struct<dataformat:string,schemaid:string>",
      "valueschemametadata:struct<dataformat:string,schemaid:string>",
    ]
    error_message = "The columns are the envelope's fields with their types."
  }

  assert {
    condition     = [for k in aws_glue_catalog_table.records[0].partition_keys : "${k.name}:${k.type}"] == ["year:int", "month:int", "day:int", "hour:int"]
    error_message = "The partitions are the prefix's year, month, day and hour."
  }

  assert {
    condition = (
      aws_glue_catalog_table.records[0].parameters["projection.enabled"] == "true" &&
      aws_glue_catalog_table.records[0].parameters["projection.year.type"] == "integer" &&
      aws_glue_catalog_table.records[0].parameters["projection.year.range"] == "2025,2099" &&
      !contains(keys(aws_glue_catalog_table.records[0].parameters), "projection.year.digits") &&
      aws_glue_catalog_table.records[0].parameters["projection.month.range"] == "1,12" &&
      aws_glue_catalog_table.records[0].parameters["projection.month.digits"] == "2" &&
      aws_glue_catalog_table.records[0].parameters["projection.day.range"] == "1,31" &&
      aws_glue_catalog_table.records[0].parameters["projection.day.digits"] == "2" &&
      aws_glue_catalog_table.records[0].parameters["projection.hour.range"] == "0,23" &&
      aws_glue_catalog_table.records[0].parameters["projection.hour.digits"] == "2"
    )
    error_message = "Projection covers every hour from the first year, zero-padded as Firehose's !{timestamp:MM}, dd and HH write them."
  }

  assert {
    condition = (
      aws_glue_catalog_table.records[0].storage_descriptor[0].location == "s3://${module.output_bucket.bucket_name}/data/" &&
      aws_glue_catalog_table.records[0].parameters["storage.location.template"] == "s3://${module.output_bucket.bucket_name}/data/year=$${year}/month=$${month}/day=$${day}/hour=$${hour}/"
    )
    error_message = "The template is the delivery prefix data/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/ with the projected values."
  }
}

run "workgroup_results_are_encrypted_with_the_key_and_expire" {
  command = apply

  assert {
    condition = (
      aws_athena_workgroup.this[0].name == "msk-demo-backup" &&
      aws_athena_workgroup.this[0].configuration[0].enforce_workgroup_configuration &&
      aws_athena_workgroup.this[0].configuration[0].bytes_scanned_cutoff_per_query == 10737418240 &&
      aws_athena_workgroup.this[0].configuration[0].engine_version[0].selected_engine_version == "Athena engine version 3"
    )
    error_message = "The workgroup enforces its settings on every client and cancels queries over 10 GiB."
  }

  assert {
    condition = (
      aws_athena_workgroup.this[0].configuration[0].result_configuration[0].output_location == "s3://${module.query_results_bucket.bucket_name}/results/" &&
      aws_athena_workgroup.this[0].configuration[0].result_configuration[0].encryption_configuration[0].encryption_option == "SSE_KMS" &&
      aws_athena_workgroup.this[0].configuration[0].result_configuration[0].encryption_configuration[0].kms_key_arn == module.kms_key.key_arn
    )
    error_message = "Results go to the results bucket, SSE-KMS with the module's key."
  }

  assert {
    condition     = output.query.results_bucket == module.query_results_bucket.bucket_name && module.query_results_bucket.bucket_name != module.output_bucket.bucket_name
    error_message = "Results have a bucket of their own (so their expiry never touches the backup)."
  }
}

run "named_queries_the_users_reach_for" {
  command = apply

  assert {
    condition     = keys(aws_athena_named_query.this) == ["count-per-topic-partition-and-hour", "find-a-record-by-key", "find-duplicates", "records-of-a-topic-in-a-time-range"]
    error_message = "Four named queries: time range, counts, duplicates, by key."
  }

  assert {
    condition     = alltrue([for q in aws_athena_named_query.this : q.workgroup == aws_athena_workgroup.this[0].id && q.database == "msk_demo" && strcontains(q.query, "FROM \"msk_demo\".\"records\"") && strcontains(q.query, "year = ")])
    error_message = "Every query runs in the workgroup, reads the table and names the partitions it reads."
  }

  assert {
    condition     = strcontains(aws_athena_named_query.this["find-duplicates"].query, "GROUP BY topic, \"partition\", \"offset\"") && strcontains(aws_athena_named_query.this["find-duplicates"].query, "HAVING count(*) > 1")
    error_message = "Duplicates are the same topic, partition and offset more than once."
  }

  assert {
    condition     = strcontains(aws_athena_named_query.this["find-a-record-by-key"].query, "WHERE key = ") && strcontains(aws_athena_named_query.this["records-of-a-topic-in-a-time-range"].query, "\"timestamp\" BETWEEN")
    error_message = "By key on the key column; a time range on the record timestamp."
  }
}

run "columns_are_exactly_the_fields_the_forwarder_writes" {
  command = apply

  variables {
    sample = "../../../firehose-forwarder/src/test/resources/samples/envelope.jsonl"
  }

  # Every top-level field of every sample line is a column (under its lower-case name), and every column is a
  # field of some line: a field added to or removed from the envelope fails here.
  assert {
    condition     = toset(flatten([for l in compact(split("\n", file(var.sample))) : [for k in keys(jsondecode(l)) : lower(k)]])) == toset(output.query.columns)
    error_message = "The table's columns must be the envelope's fields (firehose-forwarder/src/test/resources/samples/envelope.jsonl)."
  }

  # Numbers where the columns are numbers, text (or an embedded JSON value, or null) where they are strings.
  assert {
    condition = alltrue(flatten([for l in compact(split("\n", file(var.sample))) : [
      for k, v in jsondecode(l) : contains(["partition", "offset", "timestamp", "valueSize"], k) ? can(regex("^-?[0-9]+$", jsonencode(v))) : (
        contains(["headers"], k) ? startswith(jsonencode(v), "[") : (
          endswith(k, "SchemaMetadata") ? startswith(jsonencode(v), "{") : (k == "value" || v == null || can(regex("^\"", jsonencode(v))))
        )
      )
    ]]))
    error_message = "partition, offset, timestamp and valueSize are whole numbers, headers an array, schema metadata objects, the rest strings (value also JSON or null)."
  }

  # The nested structs' fields are the headers' and the schema metadata's fields.
  assert {
    condition     = toset(flatten([for l in compact(split("\n", file(var.sample))) : [for h in try(jsondecode(l).headers, []) : [for k in keys(h) : lower(k)]]])) == toset(["name", "value", "valueformat"])
    error_message = "A header has name, value and valueFormat, as the headers column's struct."
  }

  assert {
    condition = toset(flatten([for l in compact(split("\n", file(var.sample))) : [
      for f in ["keySchemaMetadata", "valueSchemaMetadata"] : [for k in keys(try(jsondecode(l)[f], {})) : lower(k)]
    ]])) == toset(["dataformat", "schemaid"])
    error_message = "Schema metadata has dataFormat and schemaId, as the metadata columns' struct."
  }
}

run "off_by_default" {
  command = plan

  variables {
    query = {}
  }

  assert {
    condition     = length(aws_glue_catalog_table.records) == 0 && length(aws_athena_workgroup.this) == 0 && length(aws_athena_named_query.this) == 0 && output.query == null
    error_message = "Without query.enabled nothing is created."
  }
}

run "results_use_sse_s3_without_a_customer_key" {
  command = apply

  variables {
    create_kms_key = false
  }

  assert {
    condition     = aws_athena_workgroup.this[0].configuration[0].result_configuration[0].encryption_configuration[0].encryption_option == "SSE_S3" && aws_athena_workgroup.this[0].configuration[0].result_configuration[0].encryption_configuration[0].kms_key_arn == null
    error_message = "Without a customer key the results are SSE-S3."
  }
}
