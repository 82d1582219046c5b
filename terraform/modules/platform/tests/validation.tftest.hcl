# One run per validation rule of the platform module: each must reject its bad input.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  environment               = "test"
  network                   = { vpc_cidr = "10.60.0.0/16", az_count = 2, nat_gateway_mode = "single" }
  cluster                   = { broker_count = 2, broker_instance_type = "kafka.t3.small", broker_volume_size = 20 }
  use_customer_managed_keys = false
  topics                    = [{ name = "msk-events", partitions = 3, replication_factor = 2 }]
  log_retention_in_days     = 14
  functions = {
    logger_package_path    = "../msk-lambda/tests/fixtures/function.zip"
    forwarder_package_path = "../msk-lambda/tests/fixtures/function.zip"
  }
}

run "rejects_bad_project" {
  command = plan

  variables {
    project = "Bad_Project"
  }

  expect_failures = [var.project]
}

run "rejects_bad_environment" {
  command = plan

  variables {
    environment = "x"
  }

  expect_failures = [var.environment]
}

run "rejects_bad_tags" {
  command = plan

  variables {
    tags = { "" = "empty key" }
  }

  expect_failures = [var.tags]
}

run "rejects_bad_log_retention_in_days" {
  command = plan

  variables {
    log_retention_in_days = 10
  }

  expect_failures = [var.log_retention_in_days]
}

run "rejects_bad_network_cidr_and_az_count" {
  command = plan

  variables {
    network = { vpc_cidr = "not-a-cidr", az_count = 2, nat_gateway_mode = "single" }
  }

  expect_failures = [var.network]
}

run "rejects_bad_network_nat_mode" {
  command = plan

  variables {
    network = { vpc_cidr = "10.60.0.0/16", az_count = 2, nat_gateway_mode = "dual" }
  }

  expect_failures = [var.network]
}

run "rejects_bad_cluster_broker_count_multiple_of_azs" {
  command = plan

  variables {
    cluster = { broker_count = 3, broker_instance_type = "kafka.t3.small", broker_volume_size = 20 }
  }

  expect_failures = [var.cluster]
}

run "rejects_bad_cluster_volume_size" {
  command = plan

  variables {
    cluster = { broker_count = 2, broker_instance_type = "kafka.t3.small", broker_volume_size = 20000 }
  }

  expect_failures = [var.cluster]
}

run "rejects_bad_topics_unique" {
  command = plan

  variables {
    topics = [{ name = "a" }, { name = "a" }]
  }

  expect_failures = [var.topics]
}

run "rejects_bad_topics_replication" {
  command = plan

  variables {
    topics = [{ name = "msk-events", replication_factor = 3 }]
  }

  expect_failures = [var.topics]
}

run "rejects_bad_functions_runtime" {
  command = plan

  variables {
    functions = { runtime_mode = "python" }
  }

  expect_failures = [var.functions]
}

run "rejects_bad_functions_topics" {
  command = plan

  variables {
    functions = { logger_topic = "unknown" }
  }

  expect_failures = [var.functions]
}

run "rejects_bad_firehose_buffering" {
  command = plan

  variables {
    firehose = { buffering_size = 200 }
  }

  expect_failures = [var.firehose]
}

run "rejects_bad_alarm_emails" {
  command = plan

  variables {
    alarm_emails = ["not-an-address"]
  }

  expect_failures = [var.alarm_emails]
}

run "rejects_bad_pattern_4_parallelism" {
  command = plan

  variables {
    pattern_4 = { flink_parallelism = 0 }
  }

  expect_failures = [var.pattern_4]
}
