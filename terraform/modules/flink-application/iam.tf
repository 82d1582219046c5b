################################################################################
# Service execution role of the application
################################################################################

data "aws_iam_policy_document" "assume" {
  count = local.create ? 1 : 0

  statement {
    sid     = "KinesisAnalyticsAssume"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["kinesisanalytics.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [local.account_id]
    }
  }
}

resource "aws_iam_role" "this" {
  count = local.create ? 1 : 0

  name_prefix        = substr("${var.name}-flink-", 0, 38)
  description        = "Service execution role of the ${var.name} Managed Flink application"
  assume_role_policy = data.aws_iam_policy_document.assume[0].json
  tags               = var.tags
}

module "access_policy" {
  source = "../msk-access-policy"

  kafka_access_enabled = var.access_control == "iam"
  cluster_arn          = var.cluster_arn
  topics               = [var.topic]
  consumer_groups      = [var.consumer_group_id]
  vpc_application = {
    log_group_arn = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${local.log_group_name}"
    partition     = local.partition
    region        = local.region
    account_id    = local.account_id
  }
  s3a_output = local.create ? { bucket_arn = local.output_arn, prefix = var.output_prefix } : null
}

data "aws_iam_policy_document" "this" {
  count = local.create ? 1 : 0

  # Own logs, log group discovery and ENIs in the cluster's subnets: modules/msk-access-policy.
  dynamic "statement" {
    for_each = module.access_policy.vpc_application_statements
    content {
      sid       = statement.value.sid
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }


  statement {
    sid       = "ReadCode"
    actions   = ["s3:GetObject", "s3:GetObjectVersion"]
    resources = ["${local.code_arn}/${var.code_key}"]
  }

  # The sink writes through S3A, which also probes the folder's parents: modules/msk-access-policy.
  dynamic "statement" {
    for_each = module.access_policy.s3a_output_statements
    content {
      sid       = statement.value.sid
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }

  # S3 sends the bucket ARN as encryption context with S3 Bucket Keys and the object ARN without them.
  dynamic "statement" {
    for_each = var.kms_key_arn != null ? [1] : []
    content {
      sid       = "EncryptOutput"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [var.kms_key_arn]

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["s3.${local.region}.${data.aws_partition.current.dns_suffix}"]
      }

      condition {
        test     = "StringLike"
        variable = "kms:EncryptionContext:aws:s3:arn"
        values   = distinct(flatten([for b in [local.code_arn, local.output_arn] : [b, "${b}/*"]]))
      }
    }
  }

  # kafka-cluster data plane, read only like the original (no WriteData): modules/msk-access-policy.
  dynamic "statement" {
    for_each = module.access_policy.kafka_statements
    content {
      sid       = statement.value.sid
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }
}

resource "aws_iam_role_policy" "this" {
  count = local.create ? 1 : 0

  name_prefix = "flink-sql-"
  role        = aws_iam_role.this[0].id
  policy      = data.aws_iam_policy_document.this[0].json
}
