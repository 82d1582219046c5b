################################################################################
# Execution role: used by the function and by the mapping's pollers
################################################################################

data "aws_iam_policy_document" "assume" {
  count = local.create ? 1 : 0

  statement {
    sid     = "LambdaAssume"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_iam_role" "this" {
  count = local.create ? 1 : 0

  name_prefix        = substr("${var.function_name}-", 0, 38)
  description        = "Execution role of ${var.function_name} and its MSK event source mapping"
  assume_role_policy = data.aws_iam_policy_document.assume[0].json
  tags               = var.tags
}

module "access_policy" {
  source = "../msk-access-policy"

  kafka_access_enabled = var.iam_auth
  cluster_arn          = var.cluster_arn
  topics               = [var.topic]
  scram_secret = var.scram_secret_arn == null ? null : {
    arn         = var.scram_secret_arn
    kms_key_arn = var.scram_kms_key_arn
    via_service = "secretsmanager.${data.aws_region.current.name}.${data.aws_partition.current.dns_suffix}"
  }
  consumer_groups = [coalesce(var.consumer_group_id, "*")]
}

data "aws_iam_policy_document" "this" {
  count = local.create ? 1 : 0

  # kafka-cluster data plane and the SCRAM secret: modules/msk-access-policy. Its statements come first.
  source_policy_documents = [module.access_policy.client_policy_json]

  statement {
    sid       = "WriteOwnLogs"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.this[0].arn}:*"]
  }

  # What AWSLambdaMSKExecutionRole grants, scoped to this cluster where the API allows it.
  statement {
    sid       = "MskClusterMetadata"
    actions   = ["kafka:DescribeCluster", "kafka:DescribeClusterV2", "kafka:GetBootstrapBrokers"]
    resources = [var.cluster_arn]
  }

  # ENIs for the mapping's pollers (and the function when vpc_config is set). These EC2 calls
  # do not support resource-level permissions.
  statement {
    sid = "ManageNetworkInterfaces"
    actions = [
      "ec2:CreateNetworkInterface",
      "ec2:DeleteNetworkInterface",
      "ec2:DescribeNetworkInterfaces",
      "ec2:DescribeSecurityGroups",
      "ec2:DescribeSubnets",
      "ec2:DescribeVpcs",
      "ec2:AssignPrivateIpAddresses",
      "ec2:UnassignPrivateIpAddresses",
    ]
    resources = ["*"]
  }

  dynamic "statement" {
    for_each = local.destination_type == "sqs" ? [1] : []
    content {
      sid       = "OnFailureSqs"
      actions   = ["sqs:SendMessage"]
      resources = [var.on_failure_destination_arn]
    }
  }

  dynamic "statement" {
    for_each = local.destination_type == "sns" ? [1] : []
    content {
      sid       = "OnFailureSns"
      actions   = ["sns:Publish"]
      resources = [var.on_failure_destination_arn]
    }
  }

  # An S3 destination receives the whole invocation record: s3:PutObject on objects and s3:ListBucket on the
  # bucket, as Lambda's on-failure documentation lists them.
  dynamic "statement" {
    for_each = local.destination_type == "s3" ? [1] : []
    content {
      sid       = "OnFailureS3List"
      actions   = ["s3:ListBucket"]
      resources = [var.on_failure_destination_arn]
    }
  }

  dynamic "statement" {
    for_each = local.destination_type == "s3" ? [1] : []
    content {
      sid       = "OnFailureS3Put"
      actions   = ["s3:PutObject"]
      resources = ["${var.on_failure_destination_arn}/*"]
    }
  }

  # S3 needs kms:GenerateDataKey, SQS and SNS also kms:Decrypt; always through the destination's service.
  dynamic "statement" {
    for_each = var.on_failure_destination_kms_key_arn != null ? [local.destination_type] : []
    content {
      sid       = "OnFailureEncryption"
      actions   = statement.value == "s3" ? ["kms:GenerateDataKey"] : ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [var.on_failure_destination_kms_key_arn]

      condition {
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["${statement.value}.${data.aws_region.current.name}.${data.aws_partition.current.dns_suffix}"]
      }

      dynamic "condition" {
        for_each = statement.value == "s3" ? [1] : []
        content {
          test     = "StringLike"
          variable = "kms:EncryptionContext:aws:s3:arn"
          values   = [var.on_failure_destination_arn, "${var.on_failure_destination_arn}/*"]
        }
      }
    }
  }

  dynamic "statement" {
    for_each = var.tracing_mode == "Active" ? [1] : []
    content {
      sid       = "XRay"
      actions   = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"]
      resources = ["*"]
    }
  }
}

# The function's own needs (policy_documents) after the role's, in the same one inline policy.
data "aws_iam_policy_document" "merged" {
  count = local.create ? 1 : 0

  source_policy_documents = concat([data.aws_iam_policy_document.this[0].json], var.policy_documents)
}

resource "aws_iam_role_policy" "this" {
  count = local.create ? 1 : 0

  name   = "least-privilege"
  role   = aws_iam_role.this[0].id
  policy = data.aws_iam_policy_document.merged[0].json
}
