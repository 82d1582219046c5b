output "application_name" {
  description = "Name of the Managed Flink application."
  value       = try(aws_kinesisanalyticsv2_application.this[0].name, null)
}

output "application_arn" {
  description = "ARN of the Managed Flink application."
  value       = try(aws_kinesisanalyticsv2_application.this[0].arn, null)
}

output "runtime_environment" {
  description = "Flink runtime of the application."
  value       = try(aws_kinesisanalyticsv2_application.this[0].runtime_environment, null)
}

output "start_command" {
  description = "Starts the application (from the latest snapshot, if any)."
  value       = local.create ? "aws kinesisanalyticsv2 start-application --application-name ${var.name} --run-configuration '{\"ApplicationRestoreConfiguration\":{\"ApplicationRestoreType\":\"RESTORE_FROM_LATEST_SNAPSHOT\"}}'" : null
}

output "property_group" {
  description = "The settings the job reads (property group FlinkSqlJob)."
  value       = local.create ? { id = local.property_group_id, properties = local.properties } : null
}

output "output_path" {
  description = "Where the sink writes."
  value       = local.create ? "${local.properties.output_uri}/${var.output_prefix}" : null
}

output "role_arn" {
  description = "Service execution role of the application."
  value       = module.runtime.role_arn
}

output "log_group_name" {
  description = "CloudWatch log group of the application."
  value       = module.runtime.log_group_name
}

output "log_group_kms_key_arn" {
  description = "KMS key of the application's log group (null: CloudWatch Logs' own encryption)."
  value       = module.runtime.log_group_kms_key_arn
}
