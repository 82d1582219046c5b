# One run per validation rule of the topics module.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  bootstrap_servers = "b-1:9098"
  topics            = [{ name = "orders" }]
}

run "rejects_name_too_short" {
  command = plan

  variables {
    name = "ab"
  }

  expect_failures = [var.name]
}

run "rejects_no_topics" {
  command = plan

  variables {
    topics = []
  }

  expect_failures = [var.topics]
}

run "rejects_topic_name_invalid" {
  command = plan

  variables {
    topics = [{ name = "bad topic" }]
  }

  expect_failures = [var.topics]
}

run "rejects_duplicate_topics" {
  command = plan

  variables {
    topics = [{ name = "a" }, { name = "a" }]
  }

  expect_failures = [var.topics]
}

run "rejects_zero_partitions" {
  command = plan

  variables {
    topics = [{ name = "a", partitions = 0 }]
  }

  expect_failures = [var.topics]
}

run "rejects_replication_above_brokers" {
  command = plan

  variables {
    broker_count = 2
    topics       = [{ name = "a" }]
  }

  expect_failures = [var.topics]
}

run "rejects_config_value_with_comma" {
  command = plan

  variables {
    topics = [{ name = "a", config = { "cleanup.policy" = "compact,delete" } }]
  }

  expect_failures = [var.topics]
}

run "rejects_broker_count_zero" {
  command = plan

  variables {
    broker_count = 0
    topics       = [{ name = "a", replication_factor = 1 }]
  }

  expect_failures = [var.broker_count]
}

run "rejects_command_config_relative" {
  command = plan

  variables {
    command_config = "client-iam.properties"
  }

  expect_failures = [var.command_config]
}

run "rejects_wait_timeout_too_short" {
  command = plan

  variables {
    wait_timeout_seconds = 30
  }

  expect_failures = [var.wait_timeout_seconds]
}
