################################################################################
# Error logging
################################################################################

resource "aws_cloudwatch_log_group" "this" {
  count = var.create ? 1 : 0

  name              = "/aws/kinesisfirehose/${var.name}"
  retention_in_days = var.log_retention_in_days
  kms_key_id        = var.log_kms_key_arn
  tags              = var.tags
}

resource "aws_cloudwatch_log_stream" "this" {
  count = var.create ? 1 : 0

  name           = "DestinationDelivery"
  log_group_name = aws_cloudwatch_log_group.this[0].name
}

################################################################################
# Delivery stream
################################################################################

resource "aws_kinesis_firehose_delivery_stream" "this" {
  count = var.create ? 1 : 0

  name        = var.name
  destination = "extended_s3"

  dynamic "msk_source_configuration" {
    for_each = local.msk_source ? [var.msk_source] : []
    content {
      msk_cluster_arn     = msk_source_configuration.value.cluster_arn
      topic_name          = msk_source_configuration.value.topic_name
      read_from_timestamp = msk_source_configuration.value.read_from_timestamp

      authentication_configuration {
        connectivity = msk_source_configuration.value.connectivity
        role_arn     = aws_iam_role.this[0].arn
      }
    }
  }

  # Server-side encryption applies to Direct PUT only (not to an MSK source).
  dynamic "server_side_encryption" {
    for_each = local.msk_source ? [] : [1]
    content {
      enabled  = true
      key_type = local.use_cmk ? "CUSTOMER_MANAGED_CMK" : "AWS_OWNED_CMK"
      key_arn  = local.use_cmk ? local.kms_key_arn : null
    }
  }

  extended_s3_configuration {
    role_arn            = aws_iam_role.this[0].arn
    bucket_arn          = module.output_bucket.bucket_arn
    buffering_size      = var.buffering_size
    buffering_interval  = var.buffering_interval
    compression_format  = var.compression_format
    prefix              = local.dp.enabled ? local.dp.partitioned_prefix : var.prefix
    error_output_prefix = var.error_output_prefix
    file_extension      = var.file_extension
    custom_time_zone    = var.custom_time_zone
    kms_key_arn         = local.use_cmk ? local.kms_key_arn : null

    cloudwatch_logging_options {
      enabled         = true
      log_group_name  = aws_cloudwatch_log_group.this[0].name
      log_stream_name = aws_cloudwatch_log_stream.this[0].name
    }

    dynamic "dynamic_partitioning_configuration" {
      for_each = local.dp.enabled ? [1] : []
      content {
        enabled        = true
        retry_duration = local.dp.retry_duration
      }
    }

    dynamic "processing_configuration" {
      for_each = length(local.processors) > 0 ? [1] : []
      content {
        enabled = true

        dynamic "processors" {
          for_each = local.processors
          content {
            type = processors.value.type

            dynamic "parameters" {
              for_each = processors.value.parameters
              content {
                parameter_name  = parameters.key
                parameter_value = parameters.value
              }
            }
          }
        }
      }
    }
  }

  tags = var.tags
}

################################################################################
# Firehose role
################################################################################

data "aws_iam_policy_document" "assume" {
  count = var.create ? 1 : 0

  statement {
    sid     = "FirehoseAssume"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["firehose.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "this" {
  count = var.create ? 1 : 0

  name_prefix        = substr("${var.name}-firehose-", 0, 38)
  description        = "Delivery stream ${var.name}: write to its bucket and log group"
  assume_role_policy = data.aws_iam_policy_document.assume[0].json
  tags               = var.tags
}

data "aws_iam_policy_document" "this" {
  count = var.create ? 1 : 0

  statement {
    sid = "WriteOutputBucket"
    actions = [
      "s3:AbortMultipartUpload",
      "s3:GetBucketLocation",
      "s3:GetObject",
      "s3:ListBucket",
      "s3:ListBucketMultipartUploads",
      "s3:PutObject",
    ]
    resources = [module.output_bucket.bucket_arn, "${module.output_bucket.bucket_arn}/*"]
  }

  statement {
    sid       = "WriteErrorLogs"
    actions   = ["logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this[0].arn}:log-stream:*"]
  }

  dynamic "statement" {
    for_each = local.use_cmk ? [1] : []
    content {
      sid       = "EncryptThroughS3"
      actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
      resources = [local.kms_key_arn]

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["s3.${local.region}.${data.aws_partition.current.dns_suffix}"]
      }

      # S3 Bucket Keys: S3 asks KMS with the bucket ARN as encryption context, not the object ARN.
      condition {
        test     = "StringEquals"
        variable = "kms:EncryptionContext:aws:s3:arn"
        values   = module.output_bucket.kms_encryption_context_arns
      }
    }
  }

  dynamic "statement" {
    for_each = local.msk_source ? [var.msk_source] : []
    content {
      sid       = "MskClusterMetadata"
      actions   = ["kafka:GetBootstrapBrokers", "kafka:DescribeCluster", "kafka:DescribeClusterV2", "kafka-cluster:Connect"]
      resources = [statement.value.cluster_arn]
    }
  }

  dynamic "statement" {
    for_each = local.msk_source ? [var.msk_source] : []
    content {
      sid     = "MskReadTopic"
      actions = ["kafka-cluster:DescribeTopic", "kafka-cluster:DescribeTopicDynamicConfiguration", "kafka-cluster:ReadData"]
      resources = [format("%s:topic/%s/%s/%s",
        replace(split("/", statement.value.cluster_arn)[0], ":cluster", ""),
        split("/", statement.value.cluster_arn)[1],
        split("/", statement.value.cluster_arn)[2],
        statement.value.topic_name,
      )]
    }
  }
}

resource "aws_iam_role_policy" "this" {
  count = var.create ? 1 : 0

  name   = "least-privilege"
  role   = aws_iam_role.this[0].id
  policy = data.aws_iam_policy_document.this[0].json
}
