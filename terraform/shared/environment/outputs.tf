# Pass-through of ../../modules/platform outputs; referenced by the deploy walkthrough.

output "cluster_arn" {
  description = "ARN of the MSK cluster."
  value       = module.platform.cluster_arn
}

output "bootstrap_brokers_sasl_iam" {
  description = "IAM bootstrap servers."
  value       = module.platform.bootstrap_brokers_sasl_iam
}

output "client_instance_id" {
  description = "Kafka client instance."
  value       = module.platform.client_instance_id
}

output "client_session_command" {
  description = "Open a shell on the Kafka client through Session Manager."
  value       = module.platform.client_session_command
}

output "topics" {
  description = "Topics ensured on the cluster."
  value       = module.platform.topics
}

output "logger_function_name" {
  description = "consumer-logger function."
  value       = module.platform.logger_function_name
}

output "logger_log_group" {
  description = "Log group of the logger."
  value       = module.platform.logger_log_group
}

output "forwarder_function_name" {
  description = "firehose-forwarder function."
  value       = module.platform.forwarder_function_name
}

output "delivery_stream_name" {
  description = "Firehose delivery stream."
  value       = module.platform.delivery_stream_name
}

output "output_bucket_name" {
  description = "S3 bucket receiving data/, errors/ and dead-letter/."
  value       = module.platform.output_bucket_name
}

output "glue_database_name" {
  description = "Glue database for Athena and the Studio notebook."
  value       = module.platform.glue_database_name
}

output "dashboard_url" {
  description = "CloudWatch dashboard."
  value       = module.platform.dashboard_url
}

output "studio_notebook_start_command" {
  description = "Starts the Studio notebook (null when studio_notebook_enabled is false)."
  value       = module.platform.studio_notebook_start_command
}

output "studio_note_download_command" {
  description = "Downloads the rendered Zeppelin note to import into the notebook."
  value       = module.platform.studio_note_download_command
}

output "flink_application_start_command" {
  description = "Starts the Managed Flink application (null when flink_application_enabled is false)."
  value       = module.platform.flink_application_start_command
}

output "failure_handling" {
  description = "Failure handling in effect: pollers, retry controls, on-failure destination, the forwarder's FAILURE_STRATEGY."
  value       = module.platform.failure_handling
}

output "deletion_protection_guard" {
  description = "Address of the deletion-protection guard (terraform state rm it before turning protection off)."
  value       = module.platform.deletion_protection_guard == null ? null : "module.platform.${module.platform.deletion_protection_guard}"
}

output "backup_query" {
  description = "Athena over the backup (null unless backup_query_enabled): database, table, workgroup, results bucket and named queries."
  value       = module.platform.backup_query
}
