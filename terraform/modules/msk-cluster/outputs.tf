output "cluster_arn" {
  description = "ARN of the cluster."
  value       = try(aws_msk_cluster.this[0].arn, null)
}

output "cluster_name" {
  description = "Name of the cluster (the `Cluster Name` metric dimension)."
  value       = try(aws_msk_cluster.this[0].cluster_name, null)
}

output "cluster_uuid" {
  description = "UUID of the cluster, used in IAM topic and group ARNs."
  value       = try(aws_msk_cluster.this[0].cluster_uuid, null)
}

output "kafka_version" {
  description = "Kafka version of the cluster."
  value       = var.kafka_version
}

output "kraft" {
  description = "Whether the cluster uses KRaft metadata (no ZooKeeper)."
  value       = local.kraft
}

output "number_of_broker_nodes" {
  description = "Number of brokers (the dashboard draws one line per broker)."
  value       = var.number_of_broker_nodes
}

output "bootstrap_brokers_tls" {
  description = "TLS bootstrap string (port 9094; unauthenticated access)."
  value       = try(aws_msk_cluster.this[0].bootstrap_brokers_tls, null)
}

output "bootstrap_brokers_sasl_iam" {
  description = "IAM bootstrap string (port 9098)."
  value       = try(aws_msk_cluster.this[0].bootstrap_brokers_sasl_iam, null)
}

output "bootstrap_brokers_sasl_scram" {
  description = "SASL/SCRAM bootstrap string (port 9096)."
  value       = try(aws_msk_cluster.this[0].bootstrap_brokers_sasl_scram, null)
}

output "bootstrap_brokers_vpc_connectivity_sasl_iam" {
  description = "Multi-VPC IAM bootstrap string (with firehose_private_access)."
  value       = try(aws_msk_cluster.this[0].bootstrap_brokers_vpc_connectivity_sasl_iam, null)
}

output "zookeeper_connect_string_tls" {
  description = "ZooKeeper TLS connection string (empty on KRaft clusters; tools should use the bootstrap servers)."
  value       = try(aws_msk_cluster.this[0].zookeeper_connect_string_tls, null)
}

output "security_group_id" {
  description = "Security group of the brokers; the Lambda mapping's ENIs use it too."
  value       = try(aws_security_group.this[0].id, null)
}

output "kms_key_arn" {
  description = "Customer-managed key for encryption at rest and SCRAM secrets (null with the AWS-managed key)."
  value       = local.create ? local.kms_key_arn : null
}

output "scram_secret_arns" {
  description = "SCRAM secret ARN per user."
  value       = { for u, s in aws_secretsmanager_secret.scram : u => s.arn }
}

output "configuration_arn" {
  description = "ARN of the MSK configuration."
  value       = try(aws_msk_configuration.this[0].arn, null)
}

output "broker_log_group_name" {
  description = "CloudWatch log group of the broker logs."
  value       = try(aws_cloudwatch_log_group.this[0].name, null)
}

output "listener_ports" {
  description = "Listener ports in use by access-control method."
  value       = local.listener_ports
}

output "broker_log_kms_key_arn" {
  description = "KMS key of the broker log group (null: CloudWatch Logs' own encryption)."
  value       = try(aws_cloudwatch_log_group.this[0].kms_key_id, null)
}
