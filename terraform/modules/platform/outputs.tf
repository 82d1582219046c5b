output "cluster_arn" {
  description = "ARN of the MSK cluster."
  value       = module.msk.cluster_arn
}

output "bootstrap_brokers_sasl_iam" {
  description = "IAM bootstrap servers."
  value       = module.msk.bootstrap_brokers_sasl_iam
}

output "client_instance_id" {
  description = "Kafka client instance."
  value       = module.kafka_client.instance_id
}

output "client_session_command" {
  description = "Open a shell on the Kafka client through Session Manager."
  value       = "aws ssm start-session --region ${data.aws_region.current.name} --target ${coalesce(module.kafka_client.instance_id, "<instance-id>")}"
}

output "topics" {
  description = "Topics ensured on the cluster."
  value       = keys(module.topics.topic_names)
}

output "logger_function_name" {
  description = "consumer-logger function."
  value       = module.functions["logger"].function_name
}

output "logger_log_group" {
  description = "Log group of the logger."
  value       = module.functions["logger"].log_group_name
}

output "forwarder_function_name" {
  description = "firehose-forwarder function."
  value       = module.functions["forwarder"].function_name
}

output "delivery_stream_name" {
  description = "Firehose delivery stream."
  value       = module.firehose_s3.delivery_stream_name
}

output "output_bucket_name" {
  description = "S3 bucket receiving data/, errors/ and dead-letter/."
  value       = module.firehose_s3.bucket_name
}

output "glue_database_name" {
  description = "Glue database for Athena and the Studio notebook."
  value       = module.firehose_s3.glue_database_name
}

output "dashboard_url" {
  description = "CloudWatch dashboard."
  value       = module.dashboard.dashboard_url
}

output "studio_notebook_start_command" {
  description = "Starts the Studio notebook (null when studio_notebook_enabled is false)."
  value       = module.studio_notebook.start_command
}

output "studio_note_download_command" {
  description = "Downloads the rendered Zeppelin note to import into the notebook."
  value       = module.studio_notebook.note_download_command
}

output "flink_application_start_command" {
  description = "Starts the Managed Flink application (null when flink_application_enabled is false)."
  value       = module.flink_application.start_command
}

output "failure_handling" {
  description = "The failure handling in effect: pollers, retry controls, on-failure destination and the forwarder's FAILURE_STRATEGY."
  value = {
    provisioned_pollers            = local.provisioned
    maximum_retry_attempts         = local.fh.maximum_retry_attempts
    maximum_record_age_in_seconds  = local.fh.maximum_record_age_in_seconds
    bisect_batch_on_function_error = local.fh.bisect_batch_on_function_error
    on_failure_destination_arn     = local.on_failure.arn
    forwarder_failure_strategy     = local.fh.forwarder_strategy
  }
}

output "logs_kms_key_arn" {
  description = "Customer-managed key of every log group (null without use_customer_managed_keys)."
  value       = module.logs_key.key_arn
}

output "logs_key_log_groups" {
  description = "Log group name patterns the logs key's policy admits for CloudWatch Logs."
  value       = local.log_groups
}

output "deletion_protection_guard" {
  description = "Address of the guard that refuses destroying the cluster, the output bucket and the keys (null when deletion_protection is false); terraform state rm it before turning protection off."
  value       = var.deletion_protection ? "terraform_data.deletion_protection[0]" : null
}

output "protected_resources" {
  description = "What the deletion-protection guard tracks (ARNs; null entries are not created)."
  value       = local.protected
}

output "tags" {
  description = "Tags applied to every resource (extra tags plus Project, Environment and ManagedBy): use them as the provider's default_tags."
  value       = local.tags
}

output "name" {
  description = "Name prefix of every resource (<project>-<environment>)."
  value       = local.name
}

################################################################################
# Component modules: every output of each, for callers and tests
################################################################################

output "network" {
  description = "All outputs of the network module."
  value       = module.network
}

output "msk" {
  description = "All outputs of the msk-cluster module."
  value       = module.msk
}

output "kafka_client" {
  description = "All outputs of the kafka-client module."
  value       = module.kafka_client
}

output "topics_module" {
  description = "All outputs of the topics module."
  value       = module.topics
}

output "firehose_s3" {
  description = "All outputs of the firehose-s3 module."
  value       = module.firehose_s3
}

output "logger" {
  description = "All outputs of the msk-lambda (consumer-logger) module."
  value       = module.functions["logger"]
}

output "forwarder" {
  description = "All outputs of the msk-lambda (firehose-forwarder) module."
  value       = module.functions["forwarder"]
}

output "dashboard" {
  description = "All outputs of the dashboard module."
  value       = module.dashboard
}

output "studio_notebook" {
  description = "All outputs of the studio-notebook module."
  value       = module.studio_notebook
}

output "flink_application" {
  description = "All outputs of the flink-application module."
  value       = module.flink_application
}

output "backup_query" {
  description = "Athena over the backup (null unless firehose.query_enabled): database, table, workgroup, results bucket, named queries and the table's columns."
  value       = module.firehose_s3.query
}
