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
  description = "Names of all alarms."
  value = concat(
    [for a in aws_cloudwatch_metric_alarm.disk_used : a.alarm_name],
    [for a in aws_cloudwatch_metric_alarm.under_replicated : a.alarm_name],
    aws_cloudwatch_metric_alarm.offline_partitions[*].alarm_name,
    [for a in aws_cloudwatch_metric_alarm.offset_lag : a.alarm_name],
    [for a in aws_cloudwatch_metric_alarm.function_errors : a.alarm_name],
    [for a in aws_cloudwatch_metric_alarm.delivery_success : a.alarm_name],
    [for a in aws_cloudwatch_metric_alarm.data_freshness : a.alarm_name],
  )
}
