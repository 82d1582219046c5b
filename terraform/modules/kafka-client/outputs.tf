output "instance_id" {
  description = "ID of the client instance (aws ssm start-session --target <id>)."
  value       = try(aws_instance.this[0].id, null)
}

output "security_group_id" {
  description = "Security group of the instance; pass it to the cluster's client_security_group_ids."
  value       = try(aws_security_group.this[0].id, null)
}

output "role_name" {
  description = "Name of the instance role."
  value       = try(aws_iam_role.this[0].name, null)
}

output "role_arn" {
  description = "ARN of the instance role."
  value       = try(aws_iam_role.this[0].arn, null)
}

output "kafka_home" {
  description = "Where the Kafka CLI is installed on the instance."
  value       = local.kafka_home
}

output "kafka_cli_version" {
  description = "Kafka CLI release installed."
  value       = try(local.kafka_cli.version, null)
}

output "client_properties" {
  description = "Path of the client property file per access-control method."
  value = {
    tls   = "${local.kafka_home}/bin/client-ssl.properties"
    iam   = "${local.kafka_home}/bin/client-iam.properties"
    scram = "${local.kafka_home}/bin/client-sasl.properties"
  }
}

output "ready_marker" {
  description = "File the user data creates once setup has finished (the topics module waits for it)."
  value       = "${local.kafka_home}/.ready"
}
