output "function_name" {
  description = "Name of the Lambda function."
  value       = try(aws_lambda_function.this[0].function_name, null)
}

output "function_arn" {
  description = "ARN of the Lambda function."
  value       = try(aws_lambda_function.this[0].arn, null)
}

output "invoke_target_arn" {
  description = "What the event source mapping invokes: the `live` alias with SnapStart, else the function."
  value       = local.mapping_target
}

output "role_arn" {
  description = "ARN of the execution role."
  value       = try(aws_iam_role.this[0].arn, null)
}

output "role_name" {
  description = "Name of the execution role (attach extra policies here if needed)."
  value       = try(aws_iam_role.this[0].name, null)
}

output "log_group_name" {
  description = "CloudWatch log group of the function."
  value       = try(aws_cloudwatch_log_group.this[0].name, null)
}

output "event_source_mapping_uuid" {
  description = "UUID of the event source mapping (also the default consumer group ID when none was set)."
  value       = try(aws_lambda_event_source_mapping.this[0].uuid, null)
}

output "event_source_mapping_arn" {
  description = "ARN of the event source mapping."
  value       = try(aws_lambda_event_source_mapping.this[0].arn, null)
}

output "security_group_id" {
  description = "Egress-only security group of the function (null outside a VPC)."
  value       = try(aws_security_group.this[0].id, null)
}

output "runtime" {
  description = "Lambda runtime in use (provided.al2023 or java21)."
  value       = local.runtime
}

output "log_group_kms_key_arn" {
  description = "KMS key of the function's log group (null: CloudWatch Logs' own encryption)."
  value       = try(aws_cloudwatch_log_group.this[0].kms_key_id, null)
}

output "failure_handling" {
  description = "Failure handling given to the mapping and the function (its own tests check that the resources get it): pollers, response types, retry controls, on-failure destination, metrics. Null when create = false."
  value = local.create ? {
    provisioned_pollers            = var.provisioned_pollers
    function_response_types        = var.report_batch_item_failures ? ["ReportBatchItemFailures"] : []
    maximum_retry_attempts         = var.maximum_retry_attempts
    maximum_record_age_in_seconds  = var.maximum_record_age_in_seconds
    bisect_batch_on_function_error = var.bisect_batch_on_function_error
    on_failure_destination_arn     = var.on_failure_destination_arn
    metrics                        = local.metrics
  } : null
}

output "environment_variables" {
  description = "The function's environment, as set on it (null with create = false)."
  value       = local.create ? local.environment : null
}
