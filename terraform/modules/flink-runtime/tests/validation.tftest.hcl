# Every validation rule of the flink-runtime module rejects what it should: the inputs the Managed Flink
# application and the Studio notebook share are validated here, once.
#
# The runs that expect a rejection plan tests/inputs, which links the module's variable declarations and
# nothing else: the rules live there, and without the resources no provider starts, so a run takes
# milliseconds instead of a second (scripts/terraform-check checks that the links cover every variable).

mock_provider "aws" {
  source = "../../tests/mocks"
}


run "rejects_unknown_kind" {
  command = plan
  module { source = "./tests/inputs" }
  variables { kind = "kinesis" }
  expect_failures = [var.kind]
}

run "rejects_bad_name" {
  command = plan
  module { source = "./tests/inputs" }
  variables { name = "-ticks" }
  expect_failures = [var.name]
}

run "rejects_parallelism_per_kpu_out_of_range" {
  command = plan
  module { source = "./tests/inputs" }
  variables { parallelism_per_kpu = 0 }
  expect_failures = [var.parallelism_per_kpu]
}

run "rejects_fractional_parallelism_per_kpu" {
  command = plan
  module { source = "./tests/inputs" }
  variables { parallelism_per_kpu = 1.5 }
  expect_failures = [var.parallelism_per_kpu]
}

run "rejects_unknown_log_level" {
  command = plan
  module { source = "./tests/inputs" }
  variables { log_level = "TRACE" }
  expect_failures = [var.log_level]
}

run "rejects_retention_cloudwatch_does_not_offer" {
  command = plan
  module { source = "./tests/inputs" }
  variables { log_retention_in_days = 0 }
  expect_failures = [var.log_retention_in_days]
}

run "rejects_bad_kms_key_arn" {
  command = plan
  module { source = "./tests/inputs" }
  variables { kms_key_arn = "alias/output" }
  expect_failures = [var.kms_key_arn]
}

run "rejects_bad_log_kms_key_arn" {
  command = plan
  module { source = "./tests/inputs" }
  variables { log_kms_key_arn = "alias/aws/logs" }
  expect_failures = [var.log_kms_key_arn]
}

run "rejects_bad_cluster_arn" {
  command = plan
  module { source = "./tests/inputs" }
  variables { cluster_arn = "arn:aws:kafka:eu-west-1:123456789012:topic/demo/uuid/stock-ticks" }
  expect_failures = [var.cluster_arn]
}

run "rejects_bootstrap_servers_without_port" {
  command = plan
  module { source = "./tests/inputs" }
  variables { bootstrap_servers = "b-1.demo" }
  expect_failures = [var.bootstrap_servers]
}

run "rejects_bad_topic" {
  command = plan
  module { source = "./tests/inputs" }
  variables { topic = "stock ticks" }
  expect_failures = [var.topic]
}

run "rejects_bad_consumer_group" {
  command = plan
  module { source = "./tests/inputs" }
  variables { consumer_group_id = "group/one" }
  expect_failures = [var.consumer_group_id]
}

run "rejects_no_subnets" {
  command = plan
  module { source = "./tests/inputs" }
  variables { subnet_ids = [] }
  expect_failures = [var.subnet_ids]
}

run "rejects_bad_security_group" {
  command = plan
  module { source = "./tests/inputs" }
  variables { security_group_ids = ["default"] }
  expect_failures = [var.security_group_ids]
}

run "rejects_prefix_with_slashes_at_the_ends" {
  command = plan
  module { source = "./tests/inputs" }
  variables { output_prefix = "/flink/ticks/" }
  expect_failures = [var.output_prefix]
}

run "rejects_negative_commit_delay" {
  command = plan
  module { source = "./tests/inputs" }
  variables { partition_commit_delay_ms = -1 }
  expect_failures = [var.partition_commit_delay_ms]
}

run "rejects_fractional_commit_delay" {
  command = plan
  module { source = "./tests/inputs" }
  variables { partition_commit_delay_ms = 0.5 }
  expect_failures = [var.partition_commit_delay_ms]
}

run "rejects_checkpoint_interval_below_a_second" {
  command = plan
  module { source = "./tests/inputs" }
  variables { checkpoint_interval_ms = 500 }
  expect_failures = [var.checkpoint_interval_ms]
}
