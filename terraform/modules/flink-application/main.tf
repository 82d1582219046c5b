data "aws_partition" "current" {}

locals {
  create = var.create

  code_arn   = "arn:${data.aws_partition.current.partition}:s3:::${var.code_bucket_name}"
  output_arn = "arn:${data.aws_partition.current.partition}:s3:::${var.output_bucket_name}"

  # Read by io.streamingdata.msk.flinksql.FlinkSqlJob: the names of the SQL files' placeholders.
  property_group_id = "FlinkSqlJob"
  properties = {
    topic             = module.runtime.sql_values.topic
    bootstrap_servers = module.runtime.sql_values.bootstrap_servers
    access_control    = var.access_control
    group_id          = module.runtime.sql_values.group_id
    startup_mode      = var.startup_mode
    bounded_mode      = "unbounded"
    output_uri        = "s3://${var.output_bucket_name}"
    output_prefix     = var.output_prefix
    commit_delay      = module.runtime.sql_values.commit_delay
  }
}

################################################################################
# Role, policy and logs: runtime.tf, the flink-runtime call shared with the Studio notebook
################################################################################

locals {
  runtime = {
    kind                           = "application"
    output_bucket_arn              = local.output_arn
    encryption_context_bucket_arns = [local.code_arn]
    extra_statements = [{
      sid       = "ReadCode"
      actions   = ["s3:GetObject", "s3:GetObjectVersion"]
      resources = ["${local.code_arn}/${var.code_key}"]
    }]
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
# The application: the pattern's SQL files, run by the flink-sql jar
################################################################################

resource "aws_kinesisanalyticsv2_application" "this" {
  count = local.create ? 1 : 0

  name                   = var.name
  description            = "${var.name}: stock ticks above 50 from MSK to S3, partitioned by ticker, day and hour (pattern 4)"
  runtime_environment    = "FLINK-1_20"
  service_execution_role = module.runtime.role_arn
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
        log_level          = module.runtime.settings.log_level
        metrics_level      = var.metrics_level
      }

      parallelism_configuration {
        configuration_type   = "CUSTOM"
        parallelism          = var.parallelism
        parallelism_per_kpu  = module.runtime.settings.parallelism_per_kpu
        auto_scaling_enabled = var.auto_scaling_enabled
      }
    }

    vpc_configuration {
      subnet_ids         = module.runtime.settings.subnet_ids
      security_group_ids = module.runtime.settings.security_group_ids
    }
  }

  cloudwatch_logging_options {
    log_stream_arn = module.runtime.log_stream_arn
  }

  # The service checks the role's permissions when it creates the application.
  depends_on = [module.runtime]
}
