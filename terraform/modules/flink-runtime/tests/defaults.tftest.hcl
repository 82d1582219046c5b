# Names per kind, durations as Flink reads them, and create = false, against the mocked provider.

mock_provider "aws" {
  source = "../../tests/mocks"
}


run "application_names_and_default_durations" {
  command = plan

  assert {
    condition     = aws_iam_role.this[0].name_prefix == "ticks-sql-flink-" && aws_iam_role_policy.this[0].name_prefix == "flink-sql-"
    error_message = "An application's role and policy are named for it."
  }

  assert {
    condition     = aws_cloudwatch_log_group.this[0].name == "/aws/kinesis-analytics/ticks-sql" && aws_cloudwatch_log_stream.this[0].name == "application" && aws_cloudwatch_log_group.this[0].retention_in_days == 30
    error_message = "The log group is the service's path for the name, with a retention."
  }

  assert {
    condition     = output.sql_values == { topic = "stock-ticks", bootstrap_servers = "b-1.demo:9098", group_id = "flink-sql-stock-ticks", commit_delay = "1 h", checkpoint_interval = "1 min" }
    error_message = "One hour and one minute are rendered as 1 h and 1 min."
  }
}

run "studio_names_and_odd_durations" {
  command = plan

  variables {
    kind                      = "studio"
    name                      = "ticks"
    partition_commit_delay_ms = 0
    checkpoint_interval_ms    = 1500
  }

  assert {
    condition     = aws_iam_role.this[0].name_prefix == "ticks-studio-" && aws_iam_role_policy.this[0].name_prefix == "studio-" && aws_cloudwatch_log_stream.this[0].name == "zeppelin"
    error_message = "A notebook's role, policy and log stream are named for it."
  }

  assert {
    condition     = output.sql_values.commit_delay == "0 ms" && output.sql_values.checkpoint_interval == "1500 ms"
    error_message = "Durations that are not whole seconds stay in milliseconds."
  }
}

run "create_false_creates_nothing" {
  command = plan

  variables {
    create = false
  }

  assert {
    condition     = length(aws_iam_role.this) == 0 && length(aws_cloudwatch_log_group.this) == 0 && output.role_arn == null
    error_message = "create = false must plan nothing."
  }
}
