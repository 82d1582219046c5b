# Default path and feature switches of the dashboard module.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  dashboard_name = "msk-demo-eu-west-1"
  cluster_name   = "msk-demo"
  broker_count   = 3
}

run "broker_widgets_and_alarms" {
  command = apply

  assert {
    condition     = length([for w in jsondecode(aws_cloudwatch_dashboard.this[0].dashboard_body).widgets : w if w.type == "metric"]) == 14
    error_message = "The original's 14 broker metric widgets (plus the title) must be present."
  }

  assert {
    condition     = length(jsondecode(aws_cloudwatch_dashboard.this[0].dashboard_body).widgets[1].properties.metrics) == 3
    error_message = "Per-broker widgets draw one line per broker."
  }

  assert {
    condition     = strcontains(aws_cloudwatch_dashboard.this[0].dashboard_body, "ZooKeeperRequestLatencyMsMean")
    error_message = "ZooKeeper clusters keep the ZooKeeper latency widget."
  }

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.disk_used) == 3 && length(aws_cloudwatch_metric_alarm.under_replicated) == 3 && length(aws_cloudwatch_metric_alarm.offline_partitions) == 1
    error_message = "Disk, under-replication (per broker) and offline-partition alarms."
  }

  assert {
    condition     = alltrue([for a in aws_cloudwatch_metric_alarm.disk_used : a.threshold == 85 && contains(a.alarm_actions, aws_sns_topic.this[0].arn)])
    error_message = "Alarms notify the SNS topic."
  }

  assert {
    condition     = aws_sns_topic.this[0].kms_master_key_id == "alias/aws/sns"
    error_message = "The SNS topic must be encrypted."
  }
}

run "kraft_lambda_and_firehose_sections" {
  command = apply

  variables {
    kraft                 = true
    lambda_function_names = ["msk-logger", "msk-forwarder"]
    delivery_stream_names = ["msk-demo"]
    sns_topic_arn         = "arn:aws:sns:eu-west-1:123456789012:ops"
  }

  assert {
    condition     = !strcontains(aws_cloudwatch_dashboard.this[0].dashboard_body, "ZooKeeper") && strcontains(aws_cloudwatch_dashboard.this[0].dashboard_body, "ActiveControllerCount")
    error_message = "KRaft clusters show the active controller count instead of ZooKeeper latency."
  }

  assert {
    condition     = alltrue([for m in ["Invocations", "Errors", "Duration", "Throttles", "OffsetLag", "IncomingRecords", "IncomingBytes", "DeliveryToS3.Success", "DeliveryToS3.DataFreshness", "ThrottledRecords"] : strcontains(aws_cloudwatch_dashboard.this[0].dashboard_body, "\"${m}\"")])
    error_message = "Lambda and Firehose widgets must be present."
  }

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.offset_lag) == 2 && length(aws_cloudwatch_metric_alarm.function_errors) == 2 && length(aws_cloudwatch_metric_alarm.delivery_success) == 1 && length(aws_cloudwatch_metric_alarm.data_freshness) == 1
    error_message = "Lag, error and Firehose alarms per function and stream."
  }

  assert {
    condition     = length(aws_sns_topic.this) == 0 && alltrue([for a in aws_cloudwatch_metric_alarm.offset_lag : contains(a.alarm_actions, "arn:aws:sns:eu-west-1:123456789012:ops")])
    error_message = "An existing topic is used as given."
  }
}

run "explicit_broker_ids" {
  command = plan

  variables {
    broker_ids = [4, 5, 6]
  }

  assert {
    condition     = toset(keys(aws_cloudwatch_metric_alarm.disk_used)) == toset(["4", "5", "6"])
    error_message = "Explicit broker IDs replace 1..N."
  }
}

run "create_false_plans_nothing" {
  command = plan

  variables {
    create = false
  }

  assert {
    condition     = length(aws_cloudwatch_dashboard.this) == 0 && length(aws_sns_topic.this) == 0 && length(aws_cloudwatch_metric_alarm.disk_used) == 0
    error_message = "create = false must plan no resources."
  }

  assert {
    condition     = output.dashboard_name == null && output.sns_topic_arn == null
    error_message = "Outputs must be null when nothing is created."
  }
}
