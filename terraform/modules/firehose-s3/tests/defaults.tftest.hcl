# Default path, feature switches and invariants of the firehose-s3 module against the mocked provider. The IAM
# and key policies are rendered for real in tests/policy.tftest.hcl.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  name = "msk-demo"
}

run "defaults_match_the_original_and_harden_the_bucket" {
  command = apply

  assert {
    condition = (
      aws_kinesis_firehose_delivery_stream.this[0].extended_s3_configuration[0].buffering_size == 5 &&
      aws_kinesis_firehose_delivery_stream.this[0].extended_s3_configuration[0].buffering_interval == 300 &&
      aws_kinesis_firehose_delivery_stream.this[0].extended_s3_configuration[0].compression_format == "GZIP"
    )
    error_message = "Buffering and compression must default to the original's 5 MiB / 300 s / GZIP."
  }

  assert {
    condition     = aws_kinesis_firehose_delivery_stream.this[0].extended_s3_configuration[0].prefix == "data/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/"
    error_message = "The data prefix must be the original's Hive-style prefix."
  }

  assert {
    condition     = aws_kinesis_firehose_delivery_stream.this[0].extended_s3_configuration[0].error_output_prefix == "errors/year=!{timestamp:yyyy}/month=!{timestamp:MM}/day=!{timestamp:dd}/hour=!{timestamp:HH}/!{firehose:error-output-type}"
    error_message = "The error prefix must be the original's."
  }

  assert {
    condition     = aws_kinesis_firehose_delivery_stream.this[0].extended_s3_configuration[0].cloudwatch_logging_options[0].enabled && aws_cloudwatch_log_group.this[0].retention_in_days == 30
    error_message = "Delivery errors must be logged to a log group with retention."
  }

  # Encryption at rest: SSE-KMS with the module's customer-managed key, also for Firehose.
  assert {
    condition     = output.kms_key_arn != null && aws_kinesis_firehose_delivery_stream.this[0].server_side_encryption[0].key_arn == output.kms_key_arn
    error_message = "The delivery stream must use the module's customer key."
  }

  assert {
    condition     = module.output_bucket.sse_algorithm == "aws:kms"
    error_message = "The output bucket must use SSE-KMS."
  }

  assert {
    condition     = aws_kinesis_firehose_delivery_stream.this[0].server_side_encryption[0].enabled && aws_kinesis_firehose_delivery_stream.this[0].server_side_encryption[0].key_type == "CUSTOMER_MANAGED_CMK"
    error_message = "The delivery stream must be encrypted with the customer key."
  }

  # Public access blocked on both buckets.
  assert {
    condition = alltrue([for b in [module.output_bucket.public_access_block, module.access_logs_bucket.public_access_block] :
    b.block_public_acls && b.block_public_policy && b.ignore_public_acls && b.restrict_public_buckets])
    error_message = "Both buckets must block all public access."
  }

  assert {
    condition     = module.output_bucket.versioning_status == "Enabled"
    error_message = "Versioning must be enabled by default."
  }

  assert {
    condition     = module.output_bucket.access_logging_target_prefix == "s3-access/"
    error_message = "Server access logging must be on."
  }

  assert {
    condition     = anytrue([for r in module.output_bucket.lifecycle_rules : try(r.abort_incomplete_multipart_upload[0].days_after_initiation == 7, false)])
    error_message = "Incomplete multipart uploads must be aborted after 7 days."
  }

  assert {
    condition     = anytrue([for r in module.output_bucket.lifecycle_rules : anytrue([for t in r.transition : t.storage_class == "INTELLIGENT_TIERING" && t.days == 1])])
    error_message = "Objects must move to INTELLIGENT_TIERING after 1 day."
  }

  assert {
    condition     = length(aws_kinesis_firehose_delivery_stream.this[0].msk_source_configuration) == 0 && length(aws_kinesis_firehose_delivery_stream.this[0].extended_s3_configuration[0].processing_configuration) == 0
    error_message = "Direct PUT without processors by default."
  }

  assert {
    condition     = aws_cloudwatch_log_group.this[0].kms_key_id == null
    error_message = "The error log group uses CloudWatch Logs' own encryption unless a key is given."
  }

  assert {
    condition     = length(aws_glue_catalog_database.this) == 0
    error_message = "No Glue database unless asked for."
  }
}

run "dynamic_partitioning_deaggregates_newline_delimited_records" {
  command = plan

  variables {
    buffering_size       = 64
    dynamic_partitioning = { enabled = true }
  }

  assert {
    condition     = aws_kinesis_firehose_delivery_stream.this[0].extended_s3_configuration[0].dynamic_partitioning_configuration[0].enabled
    error_message = "Dynamic partitioning must be enabled."
  }

  assert {
    condition = [for p in aws_kinesis_firehose_delivery_stream.this[0].extended_s3_configuration[0].processing_configuration[0].processors : p.type] == [
      "RecordDeAggregation", "MetadataExtraction", "AppendDelimiterToRecord"
    ]
    error_message = "Processors must de-aggregate, extract the key, then re-append the delimiter, in that order."
  }

  assert {
    condition     = contains([for p in aws_kinesis_firehose_delivery_stream.this[0].extended_s3_configuration[0].processing_configuration[0].processors[0].parameters : "${p.parameter_name}=${p.parameter_value}"], "Delimiter=Cg==")
    error_message = "De-aggregation must split on a newline (base64 Cg==)."
  }

  assert {
    condition     = strcontains(aws_kinesis_firehose_delivery_stream.this[0].extended_s3_configuration[0].prefix, "!{partitionKeyFromQuery:ticker}")
    error_message = "The prefix must use the partition key."
  }
}

run "dynamic_partitioning_without_deaggregation" {
  command = plan

  variables {
    buffering_size       = 64
    dynamic_partitioning = { enabled = true, deaggregate = false, append_delimiter = false }
  }

  assert {
    condition     = [for p in aws_kinesis_firehose_delivery_stream.this[0].extended_s3_configuration[0].processing_configuration[0].processors : p.type] == ["MetadataExtraction"]
    error_message = "Only metadata extraction without de-aggregation."
  }
}

run "aws_managed_keys_when_no_cmk" {
  command = plan

  variables {
    create_kms_key = false
  }

  assert {
    condition     = output.kms_key_arn == null && aws_kinesis_firehose_delivery_stream.this[0].server_side_encryption[0].key_type == "AWS_OWNED_CMK"
    error_message = "Without a CMK the stream uses an AWS-owned key."
  }

  assert {
    condition     = module.output_bucket.sse_algorithm == "aws:kms"
    error_message = "The bucket still uses SSE-KMS (aws/s3 key)."
  }
}

run "log_group_takes_a_customer_key" {
  command = plan

  variables {
    log_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/22222222-2222-3333-4444-555555555555"
  }

  assert {
    condition     = aws_cloudwatch_log_group.this[0].kms_key_id == "arn:aws:kms:eu-west-1:123456789012:key/22222222-2222-3333-4444-555555555555"
    error_message = "The error log group must be encrypted with the given key."
  }
}

run "glue_database_for_studio" {
  command = plan

  variables {
    glue_database_name = "msk_demo"
  }

  assert {
    condition     = aws_glue_catalog_database.this[0].name == "msk_demo"
    error_message = "The Glue database must be created on request."
  }
}

run "create_false_plans_nothing" {
  command = plan

  variables {
    create = false
  }

  assert {
    condition     = module.output_bucket.bucket_arn == null && module.access_logs_bucket.bucket_arn == null && length(aws_kinesis_firehose_delivery_stream.this) == 0 && module.kms_key.key_arn == null && length(aws_iam_role.this) == 0
    error_message = "create = false must plan no resources."
  }

  assert {
    condition     = output.bucket_name == null && output.delivery_stream_arn == null && output.kms_key_arn == null
    error_message = "Outputs must be null when nothing is created."
  }
}
