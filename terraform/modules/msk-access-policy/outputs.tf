output "kafka_statements" {
  description = "kafka-cluster statements (objects with sid, actions, resources): Connect on the cluster, the topic actions on the topics, DescribeGroup/AlterGroup on the groups. Empty when kafka_access_enabled is false."
  value       = local.kafka_statements
}

output "client_policy_json" {
  description = "Policy document (JSON) with the kafka_statements and, with scram_secret, ReadScramSecret and DecryptScramSecret: for source_policy_documents of the caller's aws_iam_policy_document."
  value       = local.client_policy_json
}

output "vpc_application_statements" {
  description = "Statements for a VPC-attached Managed Flink application or Studio notebook (WriteOwnLogs, FindLogGroups, ManageNetworkInterfaces). Empty when vpc_application is null."
  value       = local.vpc_application_statements
}

output "topic_arns" {
  description = "Topic ARNs the topic statement covers."
  value       = !var.kafka_access_enabled ? [] : [for t in var.topics : "${local.kafka_arn_base}:topic/${local.cluster_path}/${t}"]
}

output "group_arns" {
  description = "Consumer group ARNs the group statement covers."
  value       = !var.kafka_access_enabled ? [] : [for g in var.consumer_groups : "${local.kafka_arn_base}:group/${local.cluster_path}/${g}"]
}

output "s3a_output_statements" {
  description = "Statements for a Flink sink writing through S3A (OutputBucket, OutputObjects, OutputPathProbes, OutputParentMarkers). Empty when s3a_output is null."
  value       = local.s3a_output_statements
}
