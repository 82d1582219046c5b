################################################################################
# Bucket: private (owner-enforced, public access blocked), encrypted, TLS-only
################################################################################

locals {
  create = var.create
}

resource "aws_s3_bucket" "this" {
  count = local.create ? 1 : 0

  bucket_prefix = var.bucket_prefix
  force_destroy = var.force_destroy
  tags          = var.tags
}

resource "aws_s3_bucket_public_access_block" "this" {
  count = local.create ? 1 : 0

  bucket                  = aws_s3_bucket.this[0].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "this" {
  count = local.create ? 1 : 0

  bucket = aws_s3_bucket.this[0].id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  count = local.create ? 1 : 0

  bucket = aws_s3_bucket.this[0].id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = var.sse_algorithm
      kms_master_key_id = var.kms_key_arn
    }
    bucket_key_enabled = var.sse_algorithm == "aws:kms"
  }
}

################################################################################
# Versioning, lifecycle and access logging (each optional)
################################################################################

resource "aws_s3_bucket_versioning" "this" {
  count = local.create && var.versioning != "Disabled" ? 1 : 0

  bucket = aws_s3_bucket.this[0].id
  versioning_configuration {
    status = var.versioning
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  count = local.create && length(var.lifecycle_rules) > 0 ? 1 : 0

  bucket = aws_s3_bucket.this[0].id

  dynamic "rule" {
    for_each = var.lifecycle_rules
    content {
      id     = rule.value.id
      status = "Enabled"
      filter {}

      dynamic "abort_incomplete_multipart_upload" {
        for_each = rule.value.abort_incomplete_multipart_upload_days != null ? [rule.value.abort_incomplete_multipart_upload_days] : []
        content {
          days_after_initiation = abort_incomplete_multipart_upload.value
        }
      }

      dynamic "transition" {
        for_each = rule.value.intelligent_tiering_after_days != null ? [rule.value.intelligent_tiering_after_days] : []
        content {
          days          = transition.value
          storage_class = "INTELLIGENT_TIERING"
        }
      }

      dynamic "noncurrent_version_expiration" {
        for_each = rule.value.noncurrent_version_expiration_days != null ? [rule.value.noncurrent_version_expiration_days] : []
        content {
          noncurrent_days = noncurrent_version_expiration.value
        }
      }

      dynamic "expiration" {
        for_each = rule.value.expiration_days != null ? [rule.value.expiration_days] : []
        content {
          days = expiration.value
        }
      }
    }
  }

  depends_on = [aws_s3_bucket_versioning.this]
}

resource "aws_s3_bucket_logging" "this" {
  count = local.create && var.access_logging != null ? 1 : 0

  bucket        = aws_s3_bucket.this[0].id
  target_bucket = var.access_logging.target_bucket
  target_prefix = var.access_logging.target_prefix
}

################################################################################
# Bucket policy: deny plain HTTP (and TLS < 1.2); optionally admit server access logs
################################################################################

locals {
  # Requests the bucket refuses from anyone: plain HTTP always, TLS older than 1.2 when asked.
  transport_denials = merge(
    { DenyInsecureTransport = { test = "Bool", variable = "aws:SecureTransport", value = "false" } },
    var.deny_outdated_tls ? { DenyOutdatedTls = { test = "NumericLessThan", variable = "s3:TlsVersion", value = "1.2" } } : {},
  )
}

data "aws_iam_policy_document" "this" {
  count = local.create ? 1 : 0

  dynamic "statement" {
    for_each = local.transport_denials
    content {
      sid       = statement.key
      effect    = "Deny"
      actions   = ["s3:*"]
      resources = [aws_s3_bucket.this[0].arn, "${aws_s3_bucket.this[0].arn}/*"]

      principals {
        type        = "*"
        identifiers = ["*"]
      }

      condition {
        test     = statement.value.test
        variable = statement.value.variable
        values   = [statement.value.value]
      }
    }
  }

  dynamic "statement" {
    for_each = var.server_access_logs_source != null ? [var.server_access_logs_source] : []
    content {
      sid       = "AllowServerAccessLogsFromOutputBucket"
      actions   = ["s3:PutObject"]
      resources = ["${aws_s3_bucket.this[0].arn}/${statement.value.prefix}*"]

      principals {
        type        = "Service"
        identifiers = ["logging.s3.amazonaws.com"]
      }

      condition {
        test     = "ArnLike"
        variable = "aws:SourceArn"
        values   = statement.value.bucket_arns
      }

      condition {
        test     = "StringEquals"
        variable = "aws:SourceAccount"
        values   = [statement.value.account_id]
      }
    }
  }
}

resource "aws_s3_bucket_policy" "this" {
  count = local.create ? 1 : 0

  bucket = aws_s3_bucket.this[0].id
  policy = data.aws_iam_policy_document.this[0].json

  depends_on = [aws_s3_bucket_public_access_block.this]
}
