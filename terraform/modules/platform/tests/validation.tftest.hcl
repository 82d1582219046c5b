# One run per validation rule of the platform module: each must reject its bad input.
#
# The runs that expect a rejection plan tests/inputs, which links the module's variable declarations and
# nothing else: the rules live there, and without the resources no provider starts, so a run takes
# milliseconds instead of a second (scripts/terraform-check checks that the links cover every variable).

mock_provider "aws" {
  source = "../../tests/mocks"
}

# Only this module's own validation rules are under test here, so the components are replaced by their outputs:
# each run then plans in a fraction of the time (the components' rules have their own tests).
override_module {
  target  = module.topics
  outputs = { topic_names = { "msk-events" = "msk-events" } }
}

override_module {
  target = module.network
}

override_module {
  target = module.msk
}

override_module {
  target = module.kafka_client
}

override_module {
  target = module.firehose_s3
}

override_module {
  target = module.forwarder_settings
}

override_module {
  target = module.functions
}

override_module {
  target = module.dashboard
}

override_module {
  target = module.studio_notebook
}

override_module {
  target = module.flink_application
}

override_module {
  target = module.logs_key
}

run "rejects_bad_project" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    project = "Bad_Project"
  }

  expect_failures = [var.project]
}

run "rejects_bad_environment" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    environment = "x"
  }

  expect_failures = [var.environment]
}

run "rejects_bad_tags" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    tags = { "" = "empty key" }
  }

  expect_failures = [var.tags]
}

run "rejects_bad_log_retention_in_days" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    log_retention_in_days = 10
  }

  expect_failures = [var.log_retention_in_days]
}

run "rejects_network_without_nat" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    network = { vpc_cidr = "10.60.0.0/16", az_count = 2, nat_gateway_mode = "none", vpc_endpoints = { enabled = true } }
  }

  expect_failures = [var.network]
}

run "rejects_existing_vpc_without_nat" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    network = { existing_vpc = { vpc_id = "vpc-0aaaaaaaaaaaaaaaa", private_subnet_ids = ["subnet-0a", "subnet-0b"], nat_gateway = false } }
  }

  expect_failures = [var.network]
}

run "rejects_existing_vpc_with_one_subnet" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    network = { existing_vpc = { vpc_id = "vpc-0aaaaaaaaaaaaaaaa", private_subnet_ids = ["subnet-0a"], nat_gateway = true } }
  }

  expect_failures = [var.network]
}

run "rejects_bad_network_cidr_and_az_count" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    network = { vpc_cidr = "not-a-cidr", az_count = 2, nat_gateway_mode = "single" }
  }

  expect_failures = [var.network]
}

run "rejects_bad_network_nat_mode" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    network = { vpc_cidr = "10.60.0.0/16", az_count = 2, nat_gateway_mode = "dual" }
  }

  expect_failures = [var.network]
}

run "rejects_bad_cluster_broker_count_multiple_of_azs" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    cluster = { broker_count = 3, broker_instance_type = "kafka.t3.small", broker_volume_size = 20 }
  }

  expect_failures = [var.cluster]
}

run "rejects_bad_cluster_volume_size" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    cluster = { broker_count = 2, broker_instance_type = "kafka.t3.small", broker_volume_size = 20000 }
  }

  expect_failures = [var.cluster]
}

run "rejects_bad_topics_unique" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    topics = [{ name = "a" }, { name = "a" }]
  }

  expect_failures = [var.topics]
}

run "rejects_bad_topics_replication" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    topics = [{ name = "msk-events", replication_factor = 3 }]
  }

  expect_failures = [var.topics]
}

run "rejects_bad_functions_runtime" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    functions = { runtime_mode = "python" }
  }

  expect_failures = [var.functions]
}

run "rejects_bad_functions_topics" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    functions = { logger_topic = "unknown" }
  }

  expect_failures = [var.functions]
}

run "rejects_bad_functions_logger_max_value_bytes" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    functions = { logger_max_value_bytes = -1 }
  }

  expect_failures = [var.functions]
}

run "rejects_bad_functions_logger_tiered_stop_at_level" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    functions = { logger_tiered_stop_at_level = 3 }
  }

  expect_failures = [var.functions]
}

run "rejects_bad_firehose_buffering" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    firehose = { buffering_size = 200 }
  }

  expect_failures = [var.firehose]
}

run "rejects_bad_alarm_emails" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    alarm_emails = ["not-an-address"]
  }

  expect_failures = [var.alarm_emails]
}

run "rejects_bad_pattern_4_parallelism" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    pattern_4 = { flink_parallelism = 0 }
  }

  expect_failures = [var.pattern_4]
}

run "rejects_retry_controls_in_on_demand_mode" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    failure_handling = { maximum_retry_attempts = 5, on_failure_destination = "output-bucket" }
  }

  expect_failures = [var.failure_handling]
}

run "rejects_partial_batch_strategy_in_on_demand_mode" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    failure_handling = { forwarder_strategy = "report-batch-item-failures" }
  }

  expect_failures = [var.failure_handling]
}

run "rejects_fail_strategy_that_stalls_a_partition" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    failure_handling = { forwarder_strategy = "fail" }
  }

  expect_failures = [var.failure_handling]
}

run "rejects_finite_retries_without_destination" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    failure_handling = { provisioned_pollers = {}, maximum_retry_attempts = 5 }
  }

  expect_failures = [var.failure_handling]
}

run "rejects_bad_poller_range" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    failure_handling = { provisioned_pollers = { minimum = 5, maximum = 2 } }
  }

  expect_failures = [var.failure_handling]
}

run "rejects_unknown_destination" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    failure_handling = { on_failure_destination = "kafka://dlq" }
  }

  expect_failures = [var.failure_handling]
}

run "rejects_s3_destination_in_existing_vpc_without_endpoint" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    network          = { existing_vpc = { vpc_id = "vpc-0aaaaaaaaaaaaaaaa", private_subnet_ids = ["subnet-0a", "subnet-0b"], nat_gateway = true } }
    failure_handling = { on_failure_destination = "output-bucket" }
  }

  expect_failures = [var.failure_handling]
}

run "rejects_sqs_destination_without_endpoint" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    failure_handling = { on_failure_destination = "arn:aws:sqs:eu-west-1:123456789012:dlq" }
  }

  expect_failures = [var.failure_handling]
}

run "rejects_flink_application_without_jar" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    pattern_4 = { flink_application_enabled = true }
  }

  expect_failures = [var.pattern_4]
}
