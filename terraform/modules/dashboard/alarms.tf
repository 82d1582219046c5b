################################################################################
# Broker alarms
################################################################################

resource "aws_cloudwatch_metric_alarm" "disk_used" {
  for_each = local.create ? toset(local.brokers) : toset([])

  alarm_name          = "${var.dashboard_name}-broker-${each.key}-disk-used"
  alarm_description   = "Broker ${each.key} of ${var.cluster_name}: data log disk above ${local.th.disk_used_percent} %. Raise storage or enable storage auto scaling."
  namespace           = "AWS/Kafka"
  metric_name         = "KafkaDataLogsDiskUsed"
  dimensions          = { "Cluster Name" = var.cluster_name, "Broker ID" = each.key }
  statistic           = "Maximum"
  period              = var.period
  evaluation_periods  = 2
  threshold           = local.th.disk_used_percent
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "missing"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "under_replicated" {
  for_each = local.create ? toset(local.brokers) : toset([])

  alarm_name          = "${var.dashboard_name}-broker-${each.key}-under-replicated"
  alarm_description   = "Broker ${each.key} of ${var.cluster_name} reports under-replicated partitions."
  namespace           = "AWS/Kafka"
  metric_name         = "UnderReplicatedPartitions"
  dimensions          = { "Cluster Name" = var.cluster_name, "Broker ID" = each.key }
  statistic           = "Maximum"
  period              = var.period
  evaluation_periods  = 3
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "offline_partitions" {
  count = local.create ? 1 : 0

  alarm_name          = "${var.dashboard_name}-offline-partitions"
  alarm_description   = "${var.cluster_name} has offline partitions: producers and consumers of those partitions are blocked."
  namespace           = "AWS/Kafka"
  metric_name         = "OfflinePartitionsCount"
  dimensions          = { "Cluster Name" = var.cluster_name }
  statistic           = "Maximum"
  period              = var.period
  evaluation_periods  = 1
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]
  tags                = var.tags
}

################################################################################
# Lambda alarms
################################################################################

resource "aws_cloudwatch_metric_alarm" "offset_lag" {
  for_each = local.create ? toset(var.lambda_function_names) : toset([])

  alarm_name          = "${var.dashboard_name}-${each.key}-offset-lag"
  alarm_description   = "${each.key} is falling behind its topic (OffsetLag above ${local.th.offset_lag})."
  namespace           = "AWS/Lambda"
  metric_name         = "OffsetLag"
  dimensions          = { FunctionName = each.key }
  statistic           = "Maximum"
  period              = var.period
  evaluation_periods  = 3
  threshold           = local.th.offset_lag
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "function_errors" {
  for_each = local.create ? toset(var.lambda_function_names) : toset([])

  alarm_name          = "${var.dashboard_name}-${each.key}-errors"
  alarm_description   = "${each.key} failed invocations: the mapping retries the batch and the partition stalls."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = each.key }
  statistic           = "Sum"
  period              = var.period
  evaluation_periods  = 1
  threshold           = local.th.function_errors
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]
  tags                = var.tags
}

################################################################################
# Firehose alarms
################################################################################

resource "aws_cloudwatch_metric_alarm" "delivery_success" {
  for_each = local.create ? toset(var.delivery_stream_names) : toset([])

  alarm_name          = "${var.dashboard_name}-${each.key}-delivery-failures"
  alarm_description   = "Firehose ${each.key} failed to deliver to S3 (see its error log group and the errors/ prefix)."
  namespace           = "AWS/Firehose"
  metric_name         = "DeliveryToS3.Success"
  dimensions          = { DeliveryStreamName = each.key }
  statistic           = "Minimum"
  period              = var.period
  evaluation_periods  = 1
  threshold           = local.th.delivery_success_minimum
  comparison_operator = "LessThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]
  tags                = var.tags
}

resource "aws_cloudwatch_metric_alarm" "data_freshness" {
  for_each = local.create ? toset(var.delivery_stream_names) : toset([])

  alarm_name          = "${var.dashboard_name}-${each.key}-data-freshness"
  alarm_description   = "Records wait in Firehose ${each.key} longer than ${local.th.data_freshness_seconds} s."
  namespace           = "AWS/Firehose"
  metric_name         = "DeliveryToS3.DataFreshness"
  dimensions          = { DeliveryStreamName = each.key }
  statistic           = "Maximum"
  period              = var.period
  evaluation_periods  = 1
  threshold           = local.th.data_freshness_seconds
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]
  tags                = var.tags
}
