output "role_arn" {
  description = "Service execution role."
  value       = try(aws_iam_role.this[0].arn, null)
}

output "role_assume_policy" {
  description = "Trust policy of the role (JSON)."
  value       = try(aws_iam_role.this[0].assume_role_policy, null)
}

output "role_policy" {
  description = "Inline policy of the role (JSON), as IAM receives it."
  value       = try(aws_iam_role_policy.this[0].policy, null)
}

output "role_policy_name" {
  description = "Name of the inline policy; depend on it (or on role_policy) so the service sees the permissions."
  value       = try(aws_iam_role_policy.this[0].name, null)
}

output "log_group_name" {
  description = "CloudWatch log group."
  value       = try(aws_cloudwatch_log_group.this[0].name, null)
}

output "log_group_retention_in_days" {
  description = "Retention of the log group."
  value       = try(aws_cloudwatch_log_group.this[0].retention_in_days, null)
}

output "log_group_kms_key_arn" {
  description = "KMS key of the log group (null: CloudWatch Logs' own encryption)."
  value       = try(aws_cloudwatch_log_group.this[0].kms_key_id, null)
}

output "log_stream_name" {
  description = "Log stream the service writes to."
  value       = try(aws_cloudwatch_log_stream.this[0].name, null)
}

output "log_stream_arn" {
  description = "ARN of that log stream."
  value       = try(aws_cloudwatch_log_stream.this[0].arn, null)
}

output "settings" {
  description = "The validated runtime settings, for the caller's application configuration."
  value = {
    parallelism_per_kpu = var.parallelism_per_kpu
    log_level           = var.log_level
    subnet_ids          = var.subnet_ids
    security_group_ids  = var.security_group_ids
  }
}

output "sql_values" {
  description = "The SQL files' placeholders these inputs fill: topic, bootstrap_servers, group_id, commit_delay."
  value       = local.sql_values
}
