################################################################################
# A rotating customer-managed key whose policy names who may use it
################################################################################

data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  create = var.create

  partition    = data.aws_partition.current.partition
  dns_suffix   = data.aws_partition.current.dns_suffix
  region       = data.aws_region.current.name
  account_id   = data.aws_caller_identity.current.account_id
  account_root = "arn:${local.partition}:iam::${local.account_id}:root"

  # The administration half of the console's default key policy. Usage is not granted to the account as a
  # whole: only through the services below, so a principal with kms:Decrypt in IAM still cannot decrypt
  # directly with this key.
  admin_actions = [
    "kms:CancelKeyDeletion",
    "kms:Create*",
    "kms:Delete*",
    "kms:Describe*",
    "kms:Disable*",
    "kms:Enable*",
    "kms:Get*",
    "kms:List*",
    "kms:Put*",
    "kms:Revoke*",
    "kms:RotateKeyOnDemand",
    "kms:ScheduleKeyDeletion",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:Update*",
  ]

  usage_actions = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*", "kms:CreateGrant"]

  log_group_arns = [for g in var.cloudwatch_logs_log_groups : "arn:${local.partition}:logs:${local.region}:${local.account_id}:log-group:${g}"]
}

data "aws_iam_policy_document" "this" {
  count = local.create ? 1 : 0

  statement {
    sid       = "KeyAdministration"
    actions   = local.admin_actions
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = [local.account_root]
    }
  }

  dynamic "statement" {
    for_each = length(var.via_services) > 0 ? [1] : []
    content {
      sid       = "UseThroughAwsServices"
      actions   = local.usage_actions
      resources = ["*"]

      principals {
        type        = "AWS"
        identifiers = [local.account_root]
      }

      condition {
        test     = "StringEquals"
        variable = "kms:CallerAccount"
        values   = [local.account_id]
      }

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = [for s in var.via_services : "${s}.${local.region}.${local.dns_suffix}"]
      }
    }
  }

  # CloudWatch Logs encrypts and decrypts with its own service principal; the encryption context names
  # the log group, so the key serves only the listed ones.
  dynamic "statement" {
    for_each = length(var.cloudwatch_logs_log_groups) > 0 ? [1] : []
    content {
      sid       = "CloudWatchLogs"
      actions   = ["kms:Decrypt*", "kms:Describe*", "kms:Encrypt*", "kms:GenerateDataKey*", "kms:ReEncrypt*"]
      resources = ["*"]

      principals {
        type        = "Service"
        identifiers = ["logs.${local.region}.${local.dns_suffix}"]
      }

      condition {
        test     = "ArnLike"
        variable = "kms:EncryptionContext:aws:logs:arn"
        values   = local.log_group_arns
      }
    }
  }

  dynamic "statement" {
    for_each = var.service_principals
    content {
      sid       = statement.value.sid
      actions   = statement.value.actions
      resources = ["*"]

      principals {
        type        = "Service"
        identifiers = [statement.value.service]
      }
    }
  }
}

resource "aws_kms_key" "this" {
  count = local.create ? 1 : 0

  description             = var.description
  enable_key_rotation     = true
  deletion_window_in_days = var.deletion_window_in_days
  policy                  = data.aws_iam_policy_document.this[0].json
  tags                    = var.tags
}

resource "aws_kms_alias" "this" {
  count = local.create ? 1 : 0

  name          = "alias/${var.alias_name}"
  target_key_id = aws_kms_key.this[0].key_id
}
