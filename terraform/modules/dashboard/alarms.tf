################################################################################
# Alarms: one definition per kind, one alarm per kind and subject
################################################################################

locals {
  # Subjects per scope: each broker, the cluster, each function, each delivery stream.
  alarm_subjects = {
    broker   = local.brokers
    cluster  = ["cluster"]
    function = var.lambda_function_names
    stream   = var.delivery_stream_names
  }

  alarm_namespaces = { broker = "AWS/Kafka", cluster = "AWS/Kafka", function = "AWS/Lambda", stream = "AWS/Firehose" }

  # Order of the alarm_names output. In alarm_kinds, {s} in name and description stands for the subject.
  alarm_order = ["disk_used", "under_replicated", "offline_partitions", "offset_lag", "function_errors", "delivery_success", "data_freshness"]
  alarm_kinds = {
    disk_used = {
      scope              = "broker", name = "broker-{s}-disk-used", metric_name = "KafkaDataLogsDiskUsed", statistic = "Maximum"
      description        = "Broker {s} of ${var.cluster_name}: data log disk above ${local.th.disk_used_percent} %. Raise storage or enable storage auto scaling."
      evaluation_periods = 2, threshold = local.th.disk_used_percent, comparison_operator = "GreaterThanThreshold", treat_missing_data = "missing"
    }
    under_replicated = {
      scope              = "broker", name = "broker-{s}-under-replicated", metric_name = "UnderReplicatedPartitions", statistic = "Maximum"
      description        = "Broker {s} of ${var.cluster_name} reports under-replicated partitions."
      evaluation_periods = 3, threshold = 0, comparison_operator = "GreaterThanThreshold", treat_missing_data = "notBreaching"
    }
    offline_partitions = {
      scope              = "cluster", name = "offline-partitions", metric_name = "OfflinePartitionsCount", statistic = "Maximum"
      description        = "${var.cluster_name} has offline partitions: producers and consumers of those partitions are blocked."
      evaluation_periods = 1, threshold = 0, comparison_operator = "GreaterThanThreshold", treat_missing_data = "notBreaching"
    }
    offset_lag = {
      scope              = "function", name = "{s}-offset-lag", metric_name = "OffsetLag", statistic = "Maximum"
      description        = "{s} is falling behind its topic (OffsetLag above ${local.th.offset_lag})."
      evaluation_periods = 3, threshold = local.th.offset_lag, comparison_operator = "GreaterThanThreshold", treat_missing_data = "notBreaching"
    }
    function_errors = {
      scope              = "function", name = "{s}-errors", metric_name = "Errors", statistic = "Sum"
      description        = "{s} failed invocations: the mapping retries the batch and the partition stalls."
      evaluation_periods = 1, threshold = local.th.function_errors, comparison_operator = "GreaterThanThreshold", treat_missing_data = "notBreaching"
    }
    delivery_success = {
      scope              = "stream", name = "{s}-delivery-failures", metric_name = "DeliveryToS3.Success", statistic = "Minimum"
      description        = "Firehose {s} failed to deliver to S3 (see its error log group and the errors/ prefix)."
      evaluation_periods = 1, threshold = local.th.delivery_success_minimum, comparison_operator = "LessThanThreshold", treat_missing_data = "notBreaching"
    }
    data_freshness = {
      scope              = "stream", name = "{s}-data-freshness", metric_name = "DeliveryToS3.DataFreshness", statistic = "Maximum"
      description        = "Records wait in Firehose {s} longer than ${local.th.data_freshness_seconds} s."
      evaluation_periods = 1, threshold = local.th.data_freshness_seconds, comparison_operator = "GreaterThanThreshold", treat_missing_data = "notBreaching"
    }
  }

  # "<kind>/<subject>" => definition plus subject, e.g. "disk_used/1", "offset_lag/msk-demo-logger".
  alarms = !local.create ? {} : merge([
    for kind in local.alarm_order : {
      for s in local.alarm_subjects[local.alarm_kinds[kind].scope] : "${kind}/${s}" => merge(local.alarm_kinds[kind], { subject = s })
    }
  ]...)
}

resource "aws_cloudwatch_metric_alarm" "this" {
  for_each = local.alarms

  alarm_name        = "${var.dashboard_name}-${replace(each.value.name, "{s}", each.value.subject)}"
  alarm_description = replace(each.value.description, "{s}", each.value.subject)
  namespace         = local.alarm_namespaces[each.value.scope]
  metric_name       = each.value.metric_name
  dimensions = merge(
    contains(["broker", "cluster"], each.value.scope) ? { "Cluster Name" = var.cluster_name } : {},
    each.value.scope == "broker" ? { "Broker ID" = each.value.subject } : {},
    each.value.scope == "function" ? { FunctionName = each.value.subject } : {},
    each.value.scope == "stream" ? { DeliveryStreamName = each.value.subject } : {},
  )
  statistic           = each.value.statistic
  period              = var.period
  evaluation_periods  = each.value.evaluation_periods
  threshold           = each.value.threshold
  comparison_operator = each.value.comparison_operator
  treat_missing_data  = each.value.treat_missing_data
  alarm_actions       = [local.alarm_topic_arn]
  ok_actions          = [local.alarm_topic_arn]
  tags                = var.tags
}
