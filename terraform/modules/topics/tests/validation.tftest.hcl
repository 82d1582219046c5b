# One run per validation rule of the topics module.
#
# The runs that expect a rejection plan tests/inputs, which links the module's variable declarations and
# nothing else: the rules live there, and without the resources no provider starts, so a run takes
# milliseconds instead of a second (scripts/terraform-check checks that the links cover every variable).

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  bootstrap_servers = "b-1:9098"
  topics            = [{ name = "orders" }]
}

run "rejects_name_too_short" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    name = "ab"
  }

  expect_failures = [var.name]
}

run "rejects_no_topics" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    topics = []
  }

  expect_failures = [var.topics]
}

run "rejects_topic_name_invalid" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    topics = [{ name = "bad topic" }]
  }

  expect_failures = [var.topics]
}

run "rejects_duplicate_topics" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    topics = [{ name = "a" }, { name = "a" }]
  }

  expect_failures = [var.topics]
}

run "rejects_zero_partitions" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    topics = [{ name = "a", partitions = 0 }]
  }

  expect_failures = [var.topics]
}

run "rejects_replication_above_brokers" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    broker_count = 2
    topics       = [{ name = "a" }]
  }

  expect_failures = [var.topics]
}

run "rejects_config_value_with_comma" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    topics = [{ name = "a", config = { "cleanup.policy" = "compact,delete" } }]
  }

  expect_failures = [var.topics]
}

run "rejects_broker_count_zero" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    broker_count = 0
    topics       = [{ name = "a", replication_factor = 1 }]
  }

  expect_failures = [var.broker_count]
}

run "rejects_command_config_relative" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    command_config = "client-iam.properties"
  }

  expect_failures = [var.command_config]
}

run "rejects_wait_timeout_too_short" {
  command = plan
  module { source = "./tests/inputs" }

  variables {
    wait_timeout_seconds = 30
  }

  expect_failures = [var.wait_timeout_seconds]
}
