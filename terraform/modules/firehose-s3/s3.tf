################################################################################
# Output bucket: SSE-KMS, versioned, lifecycle, server access logs (modules/secure-bucket)
################################################################################

module "output_bucket" {
  source = "../secure-bucket"

  create        = var.create
  bucket_prefix = "${var.name}-output-"
  force_destroy = var.force_destroy
  tags          = var.tags

  sse_algorithm = "aws:kms"
  kms_key_arn   = local.kms_key_arn
  versioning    = var.versioning_enabled ? "Enabled" : "Suspended"
  lifecycle_rules = [
    {
      id                                     = "abort-incomplete-multipart-uploads"
      abort_incomplete_multipart_upload_days = var.lifecycle_rules.abort_incomplete_multipart_upload_days
    },
    {
      id                                 = "tiering-and-expiration"
      intelligent_tiering_after_days     = var.lifecycle_rules.intelligent_tiering_after_days
      noncurrent_version_expiration_days = var.lifecycle_rules.noncurrent_version_expiration_days
      expiration_days                    = var.lifecycle_rules.expiration_days
    },
  ]
  access_logging    = { target_bucket = module.access_logs_bucket.bucket_id, target_prefix = "s3-access/" }
  deny_outdated_tls = true
}

################################################################################
# Access-log bucket (server access logs only support SSE-S3 targets)
################################################################################

module "access_logs_bucket" {
  source = "../secure-bucket"

  create        = var.create
  bucket_prefix = "${var.name}-access-logs-"
  force_destroy = var.force_destroy
  tags          = var.tags

  sse_algorithm = "AES256"
  lifecycle_rules = [{
    id                                     = "expire-access-logs"
    expiration_days                        = var.access_logs_retention_days
    abort_incomplete_multipart_upload_days = 7
  }]
  deny_outdated_tls         = false
  server_access_logs_source = { bucket_arns = [module.output_bucket.bucket_arn], account_id = local.account_id, prefix = "s3-access/" }
}

################################################################################
# State addresses before modules/secure-bucket
################################################################################

moved {
  from = aws_s3_bucket.output
  to   = module.output_bucket.aws_s3_bucket.this
}

moved {
  from = aws_s3_bucket_public_access_block.output
  to   = module.output_bucket.aws_s3_bucket_public_access_block.this
}

moved {
  from = aws_s3_bucket_ownership_controls.output
  to   = module.output_bucket.aws_s3_bucket_ownership_controls.this
}

moved {
  from = aws_s3_bucket_server_side_encryption_configuration.output
  to   = module.output_bucket.aws_s3_bucket_server_side_encryption_configuration.this
}

moved {
  from = aws_s3_bucket_lifecycle_configuration.output
  to   = module.output_bucket.aws_s3_bucket_lifecycle_configuration.this
}

moved {
  from = aws_s3_bucket_policy.output
  to   = module.output_bucket.aws_s3_bucket_policy.this
}

moved {
  from = aws_s3_bucket_versioning.output
  to   = module.output_bucket.aws_s3_bucket_versioning.this
}

moved {
  from = aws_s3_bucket_logging.output
  to   = module.output_bucket.aws_s3_bucket_logging.this
}

moved {
  from = aws_s3_bucket.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket.this
}

moved {
  from = aws_s3_bucket_public_access_block.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket_public_access_block.this
}

moved {
  from = aws_s3_bucket_ownership_controls.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket_ownership_controls.this
}

moved {
  from = aws_s3_bucket_server_side_encryption_configuration.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket_server_side_encryption_configuration.this
}

moved {
  from = aws_s3_bucket_lifecycle_configuration.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket_lifecycle_configuration.this
}

moved {
  from = aws_s3_bucket_policy.access_logs
  to   = module.access_logs_bucket.aws_s3_bucket_policy.this
}
