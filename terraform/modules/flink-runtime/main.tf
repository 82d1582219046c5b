# What a Managed Flink application and a Studio notebook have in common: the service execution role with its
# policy (logs, ENIs, the S3A sink, KMS through S3, read-only Kafka) and the log group with its stream.

data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  partition  = data.aws_partition.current.partition
  region     = data.aws_region.current.name
  account_id = data.aws_caller_identity.current.account_id

  kinds = {
    application = { role_prefix = "${var.name}-flink-", policy_prefix = "flink-sql-", stream = "application", what = "Managed Flink application" }
    studio      = { role_prefix = "${var.name}-studio-", policy_prefix = "studio-", stream = "zeppelin", what = "Studio notebook" }
  }
  kind = local.kinds[var.kind]

  # Known before apply, so the role policy (which names it) is rendered at plan time.
  log_group_name = "/aws/kinesis-analytics/${var.name}"

  encryption_context_buckets = distinct(compact(concat(var.encryption_context_bucket_arns, [var.output_bucket_arn])))

  # Durations as Flink reads them, in the largest whole unit: 3600000 becomes "1 h", 90000 "90 s".
  durations_ms = { commit_delay = var.partition_commit_delay_ms, checkpoint_interval = var.checkpoint_interval_ms }
  durations = { for k, ms in local.durations_ms : k => (
    ms > 0 && ms % 3600000 == 0 ? "${ms / 3600000} h" :
    ms > 0 && ms % 60000 == 0 ? "${ms / 60000} min" :
    ms > 0 && ms % 1000 == 0 ? "${ms / 1000} s" : "${ms} ms"
  ) }

  # The SQL files' placeholders that come from these inputs.
  sql_values = merge(local.durations, {
    topic             = var.topic
    bootstrap_servers = var.bootstrap_servers
    group_id          = var.consumer_group_id
  })
}

################################################################################
# Logs
################################################################################

resource "aws_cloudwatch_log_group" "this" {
  count = var.create ? 1 : 0

  name              = local.log_group_name
  retention_in_days = var.log_retention_in_days
  kms_key_id        = var.log_kms_key_arn
  tags              = var.tags
}

resource "aws_cloudwatch_log_stream" "this" {
  count = var.create ? 1 : 0

  name           = local.kind.stream
  log_group_name = aws_cloudwatch_log_group.this[0].name
}

################################################################################
# Service execution role
################################################################################

data "aws_iam_policy_document" "assume" {
  count = var.create ? 1 : 0

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
  count = var.create ? 1 : 0

  name_prefix        = substr(local.kind.role_prefix, 0, 38)
  description        = "Service execution role of the ${var.name} ${local.kind.what}"
  assume_role_policy = data.aws_iam_policy_document.assume[0].json
  tags               = var.tags
}

module "access_policy" {
  source = "../msk-access-policy"

  kafka_access_enabled = var.iam_access
  cluster_arn          = var.cluster_arn
  topics               = [var.topic]
  consumer_groups      = [var.consumer_group_id]
  vpc_application = {
    log_group_arn = "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${local.log_group_name}"
    partition     = local.partition
    region        = local.region
    account_id    = local.account_id
  }
  s3a_output = var.create ? { bucket_arn = var.output_bucket_arn, prefix = var.output_prefix } : null
}

locals {
  # Own logs, log group discovery and ENIs; the caller's own; the S3A sink, which also probes the folder's
  # parents.
  statements = concat(
    module.access_policy.vpc_application_statements,
    var.extra_statements,
    module.access_policy.s3a_output_statements,
  )
}

data "aws_iam_policy_document" "this" {
  count = var.create ? 1 : 0

  # Read-only kafka-cluster data plane like the original (no WriteData): modules/msk-access-policy, first.
  source_policy_documents = [module.access_policy.client_policy_json]

  dynamic "statement" {
    for_each = local.statements
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
        values   = flatten([for b in local.encryption_context_buckets : [b, "${b}/*"]])
      }
    }
  }
}

resource "aws_iam_role_policy" "this" {
  count = var.create ? 1 : 0

  name_prefix = local.kind.policy_prefix
  role        = aws_iam_role.this[0].id
  policy      = data.aws_iam_policy_document.this[0].json
}
