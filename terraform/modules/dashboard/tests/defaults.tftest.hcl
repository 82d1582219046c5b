# Default path and feature switches of the dashboard module.

mock_provider "aws" {
  source = "../../tests/mocks"
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
    condition     = length([for k, a in aws_cloudwatch_metric_alarm.this : a if startswith(k, "disk_used/")]) == 3 && length([for k, a in aws_cloudwatch_metric_alarm.this : a if startswith(k, "under_replicated/")]) == 3 && length([for k, a in aws_cloudwatch_metric_alarm.this : a if startswith(k, "offline_partitions/")]) == 1
    error_message = "Disk, under-replication (per broker) and offline-partition alarms."
  }

  assert {
    condition     = alltrue([for a in [for k, a in aws_cloudwatch_metric_alarm.this : a if startswith(k, "disk_used/")] : a.threshold == 85 && contains(a.alarm_actions, aws_sns_topic.this[0].arn)])
    error_message = "Alarms notify the SNS topic."
  }

  # Not alias/aws/sns: CloudWatch cannot use the AWS-managed key, so alarms would never notify anyone.
  assert {
    condition     = aws_sns_topic.this[0].kms_master_key_id == module.sns_key.key_arn && output.sns_kms_key_arn == module.sns_key.key_arn
    error_message = "The created topic is encrypted with the module's customer key."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.this["disk_used/1"].alarm_name == "msk-demo-eu-west-1-broker-1-disk-used" && aws_cloudwatch_metric_alarm.this["disk_used/1"].alarm_description == "Broker 1 of msk-demo: data log disk above 85 %. Raise storage or enable storage auto scaling." && aws_cloudwatch_metric_alarm.this["disk_used/1"].dimensions == tomap({ "Cluster Name" = "msk-demo", "Broker ID" = "1" }) && aws_cloudwatch_metric_alarm.this["disk_used/1"].evaluation_periods == 2 && aws_cloudwatch_metric_alarm.this["disk_used/1"].treat_missing_data == "missing"
    error_message = "Broker alarms keep their names, descriptions, per-broker dimensions and evaluation."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.this["offline_partitions/cluster"].alarm_name == "msk-demo-eu-west-1-offline-partitions" && aws_cloudwatch_metric_alarm.this["offline_partitions/cluster"].dimensions == tomap({ "Cluster Name" = "msk-demo" }) && aws_cloudwatch_metric_alarm.this["offline_partitions/cluster"].namespace == "AWS/Kafka"
    error_message = "The offline-partitions alarm is per cluster."
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
    condition     = length([for k, a in aws_cloudwatch_metric_alarm.this : a if startswith(k, "offset_lag/")]) == 2 && length([for k, a in aws_cloudwatch_metric_alarm.this : a if startswith(k, "function_errors/")]) == 2 && length([for k, a in aws_cloudwatch_metric_alarm.this : a if startswith(k, "delivery_success/")]) == 1 && length([for k, a in aws_cloudwatch_metric_alarm.this : a if startswith(k, "data_freshness/")]) == 1
    error_message = "Lag, error and Firehose alarms per function and stream."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.this["offset_lag/msk-logger"].alarm_name == "msk-demo-eu-west-1-msk-logger-offset-lag" && aws_cloudwatch_metric_alarm.this["offset_lag/msk-logger"].dimensions == tomap({ FunctionName = "msk-logger" }) && aws_cloudwatch_metric_alarm.this["function_errors/msk-logger"].statistic == "Sum"
    error_message = "Lambda alarms keep their names and FunctionName dimension."
  }

  assert {
    condition     = aws_cloudwatch_metric_alarm.this["delivery_success/msk-demo"].alarm_name == "msk-demo-eu-west-1-msk-demo-delivery-failures" && aws_cloudwatch_metric_alarm.this["delivery_success/msk-demo"].comparison_operator == "LessThanThreshold" && aws_cloudwatch_metric_alarm.this["delivery_success/msk-demo"].namespace == "AWS/Firehose" && aws_cloudwatch_metric_alarm.this["delivery_success/msk-demo"].dimensions == tomap({ DeliveryStreamName = "msk-demo" })
    error_message = "Firehose alarms keep their names, comparison and dimension."
  }

  assert {
    condition     = length(output.alarm_names) == 13 && output.alarm_names[0] == "msk-demo-eu-west-1-broker-1-disk-used" && output.alarm_names[12] == "msk-demo-eu-west-1-msk-demo-data-freshness"
    error_message = "alarm_names lists every alarm grouped by kind in the documented order."
  }

  assert {
    condition     = length(aws_sns_topic.this) == 0 && alltrue([for a in [for k, a in aws_cloudwatch_metric_alarm.this : a if startswith(k, "offset_lag/")] : contains(a.alarm_actions, "arn:aws:sns:eu-west-1:123456789012:ops")])
    error_message = "An existing topic is used as given."
  }

  assert {
    condition     = module.sns_key.key_arn == null && output.sns_kms_key_arn == null
    error_message = "No key is created for an existing topic."
  }
}

run "unencrypted_topic_without_customer_key" {
  command = plan

  variables {
    create_sns_kms_key = false
  }

  assert {
    condition     = aws_sns_topic.this[0].kms_master_key_id == null && module.sns_key.key_arn == null
    error_message = "Without a customer key the topic stays unencrypted (never the AWS-managed key)."
  }
}

run "explicit_broker_ids" {
  command = plan

  variables {
    broker_ids = [4, 5, 6]
  }

  assert {
    condition     = toset([for k, a in aws_cloudwatch_metric_alarm.this : a.dimensions["Broker ID"] if startswith(k, "disk_used/")]) == toset(["4", "5", "6"])
    error_message = "Explicit broker IDs replace 1..N."
  }
}

run "create_false_plans_nothing" {
  command = plan

  variables {
    create = false
  }

  assert {
    condition     = length(aws_cloudwatch_dashboard.this) == 0 && length(aws_sns_topic.this) == 0 && length([for k, a in aws_cloudwatch_metric_alarm.this : a if startswith(k, "disk_used/")]) == 0
    error_message = "create = false must plan no resources."
  }

  assert {
    condition     = output.dashboard_name == null && output.sns_topic_arn == null
    error_message = "Outputs must be null when nothing is created."
  }
}
