output "dashboard_name" {
  description = "Name of the CloudWatch dashboard."
  value       = try(aws_cloudwatch_dashboard.this[0].dashboard_name, null)
}

output "dashboard_url" {
  description = "Console URL of the dashboard."
  value       = local.create ? "https://${local.region}.console.aws.amazon.com/cloudwatch/home?region=${local.region}#dashboards:name=${var.dashboard_name}" : null
}

output "sns_topic_arn" {
  description = "SNS topic the alarms notify."
  value       = local.create ? local.alarm_topic_arn : null
}

output "alarm_names" {
  description = "Names of all alarms, grouped by kind (disk used, under-replicated, offline partitions, offset lag, function errors, delivery success, data freshness)."
  value       = flatten([for kind in local.alarm_order : [for k, a in aws_cloudwatch_metric_alarm.this : a.alarm_name if startswith(k, "${kind}/")]])
}

output "sns_kms_key_arn" {
  description = "Key of the created alarm topic (null: an existing topic, or an unencrypted one)."
  value       = local.create && var.sns_topic_arn == null ? (var.create_sns_kms_key ? module.sns_key.key_arn : var.sns_kms_key_arn) : null
}
