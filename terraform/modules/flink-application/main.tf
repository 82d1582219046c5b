data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  create = var.create

  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
  account_id = data.aws_caller_identity.current.account_id

  code_arn = "arn:${local.partition}:s3:::${var.code_bucket_name}"

  # Known before apply, so the role policy (which names it) is rendered at plan time.
  log_group_name = "/aws/kinesis-analytics/${var.name}"
  output_arn     = "arn:${local.partition}:s3:::${var.output_bucket_name}"

  # Read by io.streamingdata.msk.flinksql.FlinkSqlJob: the names of the SQL files' placeholders.
  property_group_id = "FlinkSqlJob"
  properties = {
    topic             = var.topic
    bootstrap_servers = var.bootstrap_servers
    access_control    = var.access_control
    group_id          = var.consumer_group_id
    startup_mode      = var.startup_mode
    bounded_mode      = "unbounded"
    output_uri        = "s3://${var.output_bucket_name}"
    output_prefix     = var.output_prefix
    commit_delay      = var.partition_commit_delay
  }
}

################################################################################
# Code: optionally uploaded from the Maven build
################################################################################

resource "aws_s3_object" "jar" {
  count = local.create && var.jar_path != null ? 1 : 0

  bucket = var.code_bucket_name
  key    = var.code_key
  source = var.jar_path
  # Not etag: with SSE-KMS the object's ETag is not the MD5 of its content, so an etag argument would differ
  # from the stored ETag on every plan and re-upload the jar (and restart the application) each time.
  source_hash            = filemd5(var.jar_path)
  server_side_encryption = var.kms_key_arn == null ? "AES256" : "aws:kms"
  kms_key_id             = var.kms_key_arn
  tags                   = var.tags
}

################################################################################
# Logs
################################################################################

resource "aws_cloudwatch_log_group" "this" {
  count = local.create ? 1 : 0

  name              = local.log_group_name
  retention_in_days = var.log_retention_days
  kms_key_id        = var.log_kms_key_arn
  tags              = var.tags
}

resource "aws_cloudwatch_log_stream" "this" {
  count = local.create ? 1 : 0

  name           = "application"
  log_group_name = aws_cloudwatch_log_group.this[0].name
}

################################################################################
# The application: the pattern's SQL files, run by the flink-sql jar
################################################################################

resource "aws_kinesisanalyticsv2_application" "this" {
  count = local.create ? 1 : 0

  name                   = var.name
  description            = "${var.name}: stock ticks above 50 from MSK to S3, partitioned by ticker, day and hour (pattern 4)"
  runtime_environment    = "FLINK-1_20"
  service_execution_role = aws_iam_role.this[0].arn
  start_application      = var.start_application
  tags                   = var.tags

  application_configuration {
    application_code_configuration {
      code_content_type = "ZIPFILE"
      code_content {
        s3_content_location {
          bucket_arn     = local.code_arn
          file_key       = var.code_key
          object_version = try(aws_s3_object.jar[0].version_id, null)
        }
      }
    }

    # Snapshots keep the Kafka offsets and the sink's pending files across updates and restarts: exactly once.
    application_snapshot_configuration {
      snapshots_enabled = true
    }

    environment_properties {
      property_group {
        property_group_id = local.property_group_id
        property_map      = local.properties
      }
    }

    flink_application_configuration {
      checkpoint_configuration {
        configuration_type            = "CUSTOM"
        checkpointing_enabled         = true
        checkpoint_interval           = var.checkpoint_interval_ms
        min_pause_between_checkpoints = var.min_pause_between_checkpoints_ms
      }

      monitoring_configuration {
        configuration_type = "CUSTOM"
        log_level          = var.log_level
        metrics_level      = var.metrics_level
      }

      parallelism_configuration {
        configuration_type   = "CUSTOM"
        parallelism          = var.parallelism
        parallelism_per_kpu  = var.parallelism_per_kpu
        auto_scaling_enabled = var.auto_scaling_enabled
      }
    }

    vpc_configuration {
      subnet_ids         = var.subnet_ids
      security_group_ids = var.security_group_ids
    }
  }

  cloudwatch_logging_options {
    log_stream_arn = aws_cloudwatch_log_stream.this[0].arn
  }

  depends_on = [aws_iam_role_policy.this]
}
