# Every validation rule of the flink-application module rejects what it should.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  name               = "ticks-sql"
  code_bucket_name   = "artifacts-bucket"
  cluster_arn        = "arn:aws:kafka:eu-west-1:123456789012:cluster/demo/0b1c2d3e-1111-2222-3333-444455556666-2"
  bootstrap_servers  = "b-1.demo:9098"
  topic              = "stock-ticks"
  subnet_ids         = ["subnet-0a1b2c3d"]
  security_group_ids = ["sg-0123abcd"]
  output_bucket_name = "output-bucket"
}

run "rejects_bad_name" {
  command = plan
  variables { name = "-ticks" }
  expect_failures = [var.name]
}

run "rejects_bad_code_bucket" {
  command = plan
  variables { code_bucket_name = "Artifacts" }
  expect_failures = [var.code_bucket_name]
}

run "rejects_code_key_that_is_not_a_jar" {
  command = plan
  variables { code_key = "/flink/app.zip" }
  expect_failures = [var.code_key]
}

run "rejects_missing_jar_file" {
  command = plan
  variables { jar_path = "tests/fixtures/missing.jar" }
  expect_failures = [var.jar_path]
}

run "rejects_parallelism_out_of_range" {
  command = plan
  variables { parallelism = 257 }
  expect_failures = [var.parallelism]
}

run "rejects_parallelism_per_kpu_out_of_range" {
  command = plan
  variables { parallelism_per_kpu = 0 }
  expect_failures = [var.parallelism_per_kpu]
}

run "rejects_checkpoint_interval_out_of_range" {
  command = plan
  variables { checkpoint_interval_ms = 1000 }
  expect_failures = [var.checkpoint_interval_ms]
}

run "rejects_pause_longer_than_interval" {
  command = plan
  variables { min_pause_between_checkpoints_ms = 70000 }
  expect_failures = [var.min_pause_between_checkpoints_ms]
}

run "rejects_unknown_metrics_level" {
  command = plan
  variables { metrics_level = "JOB" }
  expect_failures = [var.metrics_level]
}

run "rejects_unknown_log_level" {
  command = plan
  variables { log_level = "TRACE" }
  expect_failures = [var.log_level]
}

run "rejects_retention_cloudwatch_does_not_offer" {
  command = plan
  variables { log_retention_days = 0 }
  expect_failures = [var.log_retention_days]
}

run "rejects_bad_kms_key_arn" {
  command = plan
  variables { kms_key_arn = "alias/my-key" }
  expect_failures = [var.kms_key_arn]
}

run "rejects_bad_cluster_arn" {
  command = plan
  variables { cluster_arn = "my-cluster" }
  expect_failures = [var.cluster_arn]
}

run "rejects_scram_access_control" {
  command = plan
  variables { access_control = "scram" }
  expect_failures = [var.access_control]
}

run "rejects_bootstrap_servers_without_port" {
  command = plan
  variables { bootstrap_servers = "b-1.demo" }
  expect_failures = [var.bootstrap_servers]
}

run "rejects_bad_topic" {
  command = plan
  variables { topic = "" }
  expect_failures = [var.topic]
}

run "rejects_bad_consumer_group" {
  command = plan
  variables { consumer_group_id = "group/1" }
  expect_failures = [var.consumer_group_id]
}

run "rejects_unknown_startup_mode" {
  command = plan
  variables { startup_mode = "timestamp" }
  expect_failures = [var.startup_mode]
}

run "rejects_no_subnets" {
  command = plan
  variables { subnet_ids = [] }
  expect_failures = [var.subnet_ids]
}

run "rejects_bad_security_group" {
  command = plan
  variables { security_group_ids = [] }
  expect_failures = [var.security_group_ids]
}

run "rejects_bad_output_bucket" {
  command = plan
  variables { output_bucket_name = "x" }
  expect_failures = [var.output_bucket_name]
}

run "rejects_prefix_with_slashes_at_the_ends" {
  command = plan
  variables { output_prefix = "flink/" }
  expect_failures = [var.output_prefix]
}

run "rejects_bad_commit_delay" {
  command = plan
  variables { partition_commit_delay = "soon" }
  expect_failures = [var.partition_commit_delay]
}

run "rejects_bad_log_kms_key_arn" {
  command = plan
  variables { log_kms_key_arn = "my-key" }
  expect_failures = [var.log_kms_key_arn]
}
