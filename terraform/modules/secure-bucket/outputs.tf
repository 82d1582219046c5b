output "bucket_name" {
  description = "Bucket name (null when create = false)."
  value       = try(aws_s3_bucket.this[0].bucket, null)
}

output "bucket_id" {
  description = "Bucket ID, for bucket-level resources of the caller (null when create = false)."
  value       = try(aws_s3_bucket.this[0].id, null)
}

output "bucket_arn" {
  description = "Bucket ARN (null when create = false)."
  value       = try(aws_s3_bucket.this[0].arn, null)
}

output "public_access_block" {
  description = "The four public-access-block settings as planned (all true), for assertions."
  value = try({
    block_public_acls       = aws_s3_bucket_public_access_block.this[0].block_public_acls
    block_public_policy     = aws_s3_bucket_public_access_block.this[0].block_public_policy
    ignore_public_acls      = aws_s3_bucket_public_access_block.this[0].ignore_public_acls
    restrict_public_buckets = aws_s3_bucket_public_access_block.this[0].restrict_public_buckets
  }, null)
}

output "sse_algorithm" {
  description = "Default encryption algorithm as planned."
  value       = try(one(one(aws_s3_bucket_server_side_encryption_configuration.this[0].rule).apply_server_side_encryption_by_default).sse_algorithm, null)
}

output "versioning_status" {
  description = "Versioning status as planned (null when versioning = Disabled)."
  value       = try(aws_s3_bucket_versioning.this[0].versioning_configuration[0].status, null)
}

output "lifecycle_rules" {
  description = "Lifecycle rules as planned (the provider's rule blocks; empty without rules)."
  value       = try(aws_s3_bucket_lifecycle_configuration.this[0].rule, [])
}

output "access_logging_target_prefix" {
  description = "Prefix of the server access logs in the target bucket (null without access logging)."
  value       = try(aws_s3_bucket_logging.this[0].target_prefix, null)
}

output "policy_statements" {
  description = "Statements of the bucket policy as sent to S3 (decoded JSON: Sid, Effect, Action, Resource, Principal, Condition)."
  value       = try(jsondecode(aws_s3_bucket_policy.this[0].policy).Statement, [])
}

output "kms_encryption_context_arns" {
  description = "Values S3 sends as kms:EncryptionContext:aws:s3:arn for this bucket's objects: with S3 Bucket Keys (always on here with aws:kms) the bucket ARN, not the object ARN. Empty with SSE-S3. Use them in the KMS conditions of every role that reads or writes the bucket."
  value       = local.create && var.sse_algorithm == "aws:kms" ? [aws_s3_bucket.this[0].arn] : []
}
