################################################################################
# Output bucket (only when none is given): private, encrypted, TLS-only (modules/secure-bucket)
################################################################################

module "bucket" {
  source = "../secure-bucket"

  create            = local.create_bucket
  bucket_prefix     = substr("${var.name}-studio-", 0, 37)
  force_destroy     = var.force_destroy
  tags              = var.tags
  sse_algorithm     = var.kms_key_arn == null ? "AES256" : "aws:kms"
  kms_key_arn       = var.kms_key_arn
  deny_outdated_tls = false
}

moved {
  from = aws_s3_bucket.this
  to   = module.bucket.aws_s3_bucket.this
}

moved {
  from = aws_s3_bucket_public_access_block.this
  to   = module.bucket.aws_s3_bucket_public_access_block.this
}

moved {
  from = aws_s3_bucket_ownership_controls.this
  to   = module.bucket.aws_s3_bucket_ownership_controls.this
}

moved {
  from = aws_s3_bucket_server_side_encryption_configuration.this
  to   = module.bucket.aws_s3_bucket_server_side_encryption_configuration.this
}

moved {
  from = aws_s3_bucket_policy.this
  to   = module.bucket.aws_s3_bucket_policy.this
}

################################################################################
# The rendered note, for the user to download and import into the notebook
################################################################################

resource "aws_s3_object" "note" {
  count = local.create ? 1 : 0

  bucket                 = local.bucket_name
  key                    = local.note_key
  content                = local.note_json
  content_type           = "application/json"
  server_side_encryption = var.kms_key_arn == null ? "AES256" : "aws:kms"
  kms_key_id             = var.kms_key_arn
  tags                   = var.tags
}
