output "bucket_name" {
  description = "Name of the output bucket (data/, errors/ and the forwarder's dead-letter/ prefix)."
  value       = module.output_bucket.bucket_name
}

output "bucket_arn" {
  description = "ARN of the output bucket."
  value       = module.output_bucket.bucket_arn
}

output "access_logs_bucket_name" {
  description = "Name of the server access-log bucket."
  value       = module.access_logs_bucket.bucket_name
}

output "delivery_stream_name" {
  description = "Name of the delivery stream (DELIVERY_STREAM_NAME of the forwarder)."
  value       = try(aws_kinesis_firehose_delivery_stream.this[0].name, null)
}

output "delivery_stream_arn" {
  description = "ARN of the delivery stream."
  value       = try(aws_kinesis_firehose_delivery_stream.this[0].arn, null)
}

output "kms_key_arn" {
  description = "Customer-managed key used for S3 and Firehose encryption (null with AWS-managed keys)."
  value       = var.create ? local.kms_key_arn : null
}

output "kms_encryption_context_arns" {
  description = "Values of kms:EncryptionContext:aws:s3:arn for the output bucket's objects (the bucket ARN: S3 Bucket Keys); empty without SSE-KMS. Roles writing or reading the bucket need them in their KMS conditions."
  value       = module.output_bucket.kms_encryption_context_arns
}

output "role_arn" {
  description = "ARN of the Firehose role."
  value       = try(aws_iam_role.this[0].arn, null)
}

output "log_group_name" {
  description = "CloudWatch log group of delivery errors."
  value       = try(aws_cloudwatch_log_group.this[0].name, null)
}

output "glue_database_name" {
  description = "Glue database for tables over the bucket (null when not created)."
  value       = try(aws_glue_catalog_database.this[0].name, null)
}

output "glue_database_arn" {
  description = "ARN of that Glue database (the Studio notebook's catalog)."
  value       = try(aws_glue_catalog_database.this[0].arn, null)
}

output "log_group_kms_key_arn" {
  description = "KMS key of the error log group (null: CloudWatch Logs' own encryption)."
  value       = try(aws_cloudwatch_log_group.this[0].kms_key_id, null)
}

output "query" {
  description = "Athena over the backup (null unless query.enabled): database, table, workgroup, results bucket, named query names and IDs, and the table's columns."
  value = local.query ? {
    database             = aws_glue_catalog_database.this[0].name
    table                = aws_glue_catalog_table.records[0].name
    workgroup            = aws_athena_workgroup.this[0].name
    results_bucket       = module.query_results_bucket.bucket_name
    named_queries        = { for k, q in aws_athena_named_query.this : k => q.id }
    columns              = [for c in local.envelope_columns : c.name]
    location             = local.query_location
    location_template    = local.query_table_parameters["storage.location.template"]
    console_query_editor = "https://console.aws.amazon.com/athena/home?region=${local.region}#/query-editor"
  } : null
}
