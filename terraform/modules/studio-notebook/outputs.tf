output "application_name" {
  description = "Name of the Studio notebook (start it with start_command)."
  value       = try(aws_cloudformation_stack.this[0].outputs["ApplicationName"], null)
}

output "stack_name" {
  description = "CloudFormation stack holding the notebook."
  value       = try(aws_cloudformation_stack.this[0].name, null)
}

output "start_command" {
  description = "Starts the notebook (it is created stopped, as in the original)."
  value       = local.create ? "aws kinesisanalyticsv2 start-application --application-name ${local.application_name}" : null
}

output "runtime_environment" {
  description = "Studio runtime of the notebook."
  value       = var.runtime_environment
}

output "flink_version" {
  description = "Flink version of the Studio runtime; the connector artifacts match it."
  value       = local.studio_runtime.flink_version
}

output "custom_artifacts" {
  description = "Maven coordinates of the connector jars the notebook loads."
  value       = [for a in local.studio_runtime.artifacts : "${a.group_id}:${a.artifact_id}:${a.version}"]
}

output "glue_database_name" {
  description = "Glue database used as the notebook's catalog."
  value       = local.create ? local.glue_database_name : null
}

output "glue_database_arn" {
  description = "ARN of that Glue database."
  value       = local.create ? local.glue_database_arn : null
}

output "output_bucket_name" {
  description = "Bucket of the sink and of the rendered note."
  value       = local.create ? local.bucket_name : null
}

output "output_path" {
  description = "Where the sink writes (s3a:// URI, as the original)."
  value       = local.create ? local.sql_values.output_path : null
}

output "role_arn" {
  description = "Service execution role of the notebook."
  value       = module.runtime.role_arn
}

output "log_group_name" {
  description = "CloudWatch log group of the notebook."
  value       = module.runtime.log_group_name
}

output "note_s3_uri" {
  description = "Where the rendered Zeppelin note is (import it in the notebook's Zeppelin UI)."
  value       = local.create ? "s3://${local.bucket_name}/${local.note_key}" : null
}

output "note_download_command" {
  description = "Downloads the rendered note for import."
  value       = local.create ? "aws s3 cp s3://${local.bucket_name}/${local.note_key} ./${var.name}.zpln" : null
}

output "note_json" {
  description = "The rendered Zeppelin note itself (also: terraform output -raw note_json > note.zpln)."
  value       = local.create ? local.note_json : null
}

output "log_group_kms_key_arn" {
  description = "KMS key of the notebook's log group (null: CloudWatch Logs' own encryption)."
  value       = module.runtime.log_group_kms_key_arn
}
