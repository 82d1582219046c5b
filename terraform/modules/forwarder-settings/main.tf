data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  # The API names the stream; its ARN ends in deliverystream/<name>.
  delivery_stream_name = split("/", var.delivery_stream_arn)[1]

  environment_variables = merge(
    { DELIVERY_STREAM_NAME = local.delivery_stream_name },
    var.failure_strategy != null ? { FAILURE_STRATEGY = var.failure_strategy } : {},
    var.dead_letter != null ? { DEAD_LETTER_BUCKET = var.dead_letter.bucket_name, DEAD_LETTER_PREFIX = var.dead_letter.prefix } : {},
    var.output_format != null ? { OUTPUT_FORMAT = var.output_format } : {},
  )

  # A partial batch response the mapping does not read counts as success: the reported records would be lost.
  report_batch_item_failures = var.failure_strategy == "report-batch-item-failures"

  dead_letter_bucket_arn = var.dead_letter == null ? null : "arn:${data.aws_partition.current.partition}:s3:::${var.dead_letter.bucket_name}"
}

data "aws_iam_policy_document" "this" {
  statement {
    sid       = "PutToFirehose"
    actions   = ["firehose:PutRecordBatch", "firehose:PutRecord"]
    resources = [var.delivery_stream_arn]
  }

  dynamic "statement" {
    for_each = var.dead_letter != null ? [var.dead_letter] : []
    content {
      sid       = "WriteDeadLetters"
      actions   = ["s3:PutObject"]
      resources = ["${local.dead_letter_bucket_arn}/${statement.value.prefix}*"]
    }
  }

  # S3 sends the bucket ARN as encryption context with S3 Bucket Keys and the object ARN without them.
  dynamic "statement" {
    for_each = try(var.dead_letter.kms_key_arn, null) != null ? [var.dead_letter] : []
    content {
      sid       = "EncryptDeadLetters"
      actions   = ["kms:GenerateDataKey"]
      resources = [statement.value.kms_key_arn]

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["s3.${data.aws_region.current.name}.${data.aws_partition.current.dns_suffix}"]
      }

      condition {
        test     = "StringLike"
        variable = "kms:EncryptionContext:aws:s3:arn"
        values   = [local.dead_letter_bucket_arn, "${local.dead_letter_bucket_arn}/*"]
      }
    }
  }
}
