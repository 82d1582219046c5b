data "aws_region" "current" {}

locals {
  create  = var.create
  region  = data.aws_region.current.name
  brokers = [for b in(length(var.broker_ids) > 0 ? var.broker_ids : range(1, var.broker_count + 1)) : tostring(b)]
  cluster = ["Cluster Name", var.cluster_name]

  per_broker = { for m in ["CpuUser", "KafkaDataLogsDiskUsed", "MessagesInPerSec", "UnderReplicatedPartitions", "BytesOutPerSec", "BytesInPerSec", "NetworkRxPackets", "NetworkTxPackets", "NetworkRxErrors", "NetworkTxErrors"] :
    m => [for b in local.brokers : ["AWS/Kafka", m, "Cluster Name", var.cluster_name, "Broker ID", b, { label = "Broker ${b}" }]]
  }

  ts = { view = "timeSeries", stacked = false, region = local.region, period = var.period }
  sv = { view = "singleValue", region = local.region, period = var.period }

  # The original solution's 14 broker widgets, in the same positions.
  broker_widgets = [
    { type = "text", x = 0, y = 0, width = 24, height = 1, properties = { markdown = "# MSK Cluster Metrics: ${var.cluster_name}" } },
    { type = "metric", x = 0, y = 1, width = 12, height = 6, properties = merge(local.ts, { title = "CPU (User) usage by broker", stat = "Maximum", metrics = local.per_broker["CpuUser"] }) },
    { type = "metric", x = 12, y = 1, width = 6, height = 3, properties = merge(local.sv, { title = "Number of partitions across all brokers", stat = "Maximum", metrics = [concat(["AWS/Kafka", "GlobalPartitionCount"], local.cluster)] }) },
    { type = "metric", x = 18, y = 1, width = 6, height = 3, properties = merge(local.sv, { title = "Number of topics across all brokers", stat = "Maximum", metrics = [concat(["AWS/Kafka", "GlobalTopicCount"], local.cluster)] }) },
    { type = "metric", x = 12, y = 4, width = 6, height = 3, properties = merge(local.sv, { title = "Number of partitions that are offline", stat = "Maximum", metrics = [concat(["AWS/Kafka", "OfflinePartitionsCount"], local.cluster)] }) },
    var.kraft
    ? { type = "metric", x = 18, y = 4, width = 6, height = 3, properties = merge(local.sv, { title = "Active controllers (KRaft)", stat = "Maximum", metrics = [concat(["AWS/Kafka", "ActiveControllerCount"], local.cluster)] }) }
    : { type = "metric", x = 18, y = 4, width = 6, height = 3, properties = merge(local.sv, { title = "Latency for ZooKeeper requests (p99)", stat = "p99", metrics = [concat(["AWS/Kafka", "ZooKeeperRequestLatencyMsMean"], local.cluster)] }) },
    { type = "metric", x = 0, y = 7, width = 12, height = 6, properties = merge(local.ts, { title = "Disk usage by broker", stat = "Maximum", metrics = local.per_broker["KafkaDataLogsDiskUsed"], annotations = { horizontal = [{ label = "Maximum disk usage", value = 100 }] } }) },
    { type = "metric", x = 12, y = 7, width = 12, height = 6, properties = merge(local.ts, { title = "Incoming messages by broker", stat = "Maximum", metrics = local.per_broker["MessagesInPerSec"] }) },
    { type = "metric", x = 0, y = 13, width = 12, height = 6, properties = merge(local.ts, { title = "Under-replicated partitions by broker", stat = "Maximum", metrics = local.per_broker["UnderReplicatedPartitions"] }) },
    { type = "metric", x = 12, y = 13, width = 6, height = 6, properties = merge(local.ts, { title = "Bytes sent by broker", stat = "Maximum", metrics = local.per_broker["BytesOutPerSec"] }) },
    { type = "metric", x = 18, y = 13, width = 6, height = 6, properties = merge(local.ts, { title = "Bytes received by broker", stat = "Maximum", metrics = local.per_broker["BytesInPerSec"] }) },
    { type = "metric", x = 12, y = 19, width = 12, height = 6, properties = merge(local.ts, { title = "Network RX packets by broker", stat = "Average", metrics = local.per_broker["NetworkRxPackets"] }) },
    { type = "metric", x = 0, y = 19, width = 12, height = 6, properties = merge(local.ts, { title = "Network TX packets by broker", stat = "Average", metrics = local.per_broker["NetworkTxPackets"] }) },
    { type = "metric", x = 12, y = 25, width = 12, height = 6, properties = merge(local.ts, { title = "Network RX errors by broker", stat = "Sum", metrics = local.per_broker["NetworkRxErrors"] }) },
    { type = "metric", x = 0, y = 25, width = 12, height = 6, properties = merge(local.ts, { title = "Network TX errors by broker", stat = "Sum", metrics = local.per_broker["NetworkTxErrors"] }) },
  ]

  lambda_metrics = [
    { title = "Lambda invocations", metric = "Invocations", stat = "Sum" },
    { title = "Lambda errors", metric = "Errors", stat = "Sum" },
    { title = "Lambda duration (p99)", metric = "Duration", stat = "p99" },
    { title = "Lambda throttles", metric = "Throttles", stat = "Sum" },
    { title = "Event source OffsetLag", metric = "OffsetLag", stat = "Maximum" },
  ]
  lambda_base_y = 31
  lambda_widgets = [for w in concat(
    [{ type = "text", x = 0, y = local.lambda_base_y, width = 24, height = 1, properties = { markdown = "# Lambda consumers" } }],
    [for i, m in local.lambda_metrics : {
      type       = "metric", x = (i % 3) * 8, y = local.lambda_base_y + 1 + floor(i / 3) * 6, width = 8, height = 6
      properties = merge(local.ts, { title = m.title, stat = m.stat, metrics = [for f in var.lambda_function_names : ["AWS/Lambda", m.metric, "FunctionName", f, { label = f }]] })
    }],
  ) : w if length(var.lambda_function_names) > 0]

  firehose_metrics = [
    { title = "Firehose incoming records", metric = "IncomingRecords", stat = "Sum" },
    { title = "Firehose incoming bytes", metric = "IncomingBytes", stat = "Sum" },
    { title = "Firehose delivery to S3 success", metric = "DeliveryToS3.Success", stat = "Average" },
    { title = "Firehose data freshness (s)", metric = "DeliveryToS3.DataFreshness", stat = "Maximum" },
    { title = "Firehose throttled records", metric = "ThrottledRecords", stat = "Sum" },
  ]
  firehose_base_y = local.lambda_base_y + (length(var.lambda_function_names) == 0 ? 0 : 13)
  firehose_widgets = [for w in concat(
    [{ type = "text", x = 0, y = local.firehose_base_y, width = 24, height = 1, properties = { markdown = "# Firehose delivery" } }],
    [for i, m in local.firehose_metrics : {
      type       = "metric", x = (i % 3) * 8, y = local.firehose_base_y + 1 + floor(i / 3) * 6, width = 8, height = 6
      properties = merge(local.ts, { title = m.title, stat = m.stat, metrics = [for s in var.delivery_stream_names : ["AWS/Firehose", m.metric, "DeliveryStreamName", s, { label = s }]] })
    }],
  ) : w if length(var.delivery_stream_names) > 0]

  dashboard_body = { widgets = concat(local.broker_widgets, local.lambda_widgets, local.firehose_widgets) }

  alarm_topic_arn = var.sns_topic_arn != null ? var.sns_topic_arn : try(aws_sns_topic.this[0].arn, null)
  th              = var.alarm_thresholds
}

resource "aws_cloudwatch_dashboard" "this" {
  count = local.create ? 1 : 0

  dashboard_name = var.dashboard_name
  dashboard_body = jsonencode(local.dashboard_body)
}

################################################################################
# Notifications
################################################################################

# CloudWatch publishes alarm notifications with its own service principal, which must be able to use the topic's
# key: a customer-managed key with a statement for cloudwatch.amazonaws.com (the AWS-managed aws/sns key's policy
# cannot be changed, so notifications to a topic under it are dropped).
module "sns_key" {
  source = "../kms-key"

  create       = local.create && var.sns_topic_arn == null && var.create_sns_kms_key
  description  = "${var.dashboard_name}: alarm notification topic"
  alias_name   = "${var.dashboard_name}-alarms"
  via_services = ["sns"]
  service_principals = [{
    sid     = "CloudWatchAlarms"
    service = "cloudwatch.amazonaws.com"
    actions = ["kms:Decrypt", "kms:GenerateDataKey*"]
  }]
  tags = var.tags
}

resource "aws_sns_topic" "this" {
  count = local.create && var.sns_topic_arn == null ? 1 : 0

  name              = "${var.dashboard_name}-alarms"
  kms_master_key_id = var.create_sns_kms_key ? module.sns_key.key_arn : var.sns_kms_key_arn
  tags              = var.tags
}

resource "aws_sns_topic_subscription" "email" {
  for_each = local.create && var.sns_topic_arn == null ? toset(var.alarm_emails) : toset([])

  topic_arn = aws_sns_topic.this[0].arn
  protocol  = "email"
  endpoint  = each.key
}
