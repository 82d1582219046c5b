# Every validation rule of the studio-notebook module rejects what it should.

mock_provider "aws" {
  source = "../../tests/mocks"
}

variables {
  name               = "ticks"
  cluster_arn        = "arn:aws:kafka:eu-west-1:123456789012:cluster/demo/0b1c2d3e-1111-2222-3333-444455556666-2"
  bootstrap_servers  = "b-1.demo:9098"
  topic              = "stock-ticks"
  subnet_ids         = ["subnet-0a1b2c3d"]
  security_group_ids = ["sg-0123abcd"]
}

run "rejects_bad_name" {
  command = plan
  variables { name = "Ticks_Notebook" }
  expect_failures = [var.name]
}

run "rejects_unknown_runtime" {
  command = plan
  variables { runtime_environment = "FLINK-1_20" }
  expect_failures = [var.runtime_environment]
}

run "rejects_parallelism_out_of_range" {
  command = plan
  variables { parallelism = 0 }
  expect_failures = [var.parallelism]
}

run "rejects_parallelism_per_kpu_out_of_range" {
  command = plan
  variables { parallelism_per_kpu = 9 }
  expect_failures = [var.parallelism_per_kpu]
}

run "rejects_unknown_log_level" {
  command = plan
  variables { log_level = "TRACE" }
  expect_failures = [var.log_level]
}

run "rejects_retention_cloudwatch_does_not_offer" {
  command = plan
  variables { log_retention_days = 10 }
  expect_failures = [var.log_retention_days]
}

run "rejects_bad_kms_key_arn" {
  command = plan
  variables { kms_key_arn = "alias/my-key" }
  expect_failures = [var.kms_key_arn]
}

run "rejects_bad_cluster_arn" {
  command = plan
  variables { cluster_arn = "arn:aws:kafka:eu-west-1:123456789012:topic/demo/x/y" }
  expect_failures = [var.cluster_arn]
}

run "rejects_unknown_access_control" {
  command = plan
  variables { access_control = "plaintext" }
  expect_failures = [var.access_control]
}

run "rejects_bootstrap_servers_without_port" {
  command = plan
  variables { bootstrap_servers = "b-1.demo" }
  expect_failures = [var.bootstrap_servers]
}

run "rejects_bad_topic" {
  command = plan
  variables { topic = "stock ticks" }
  expect_failures = [var.topic]
}

run "rejects_bad_consumer_group" {
  command = plan
  variables { consumer_group_id = "group/1" }
  expect_failures = [var.consumer_group_id]
}

run "rejects_secret_not_named_for_msk" {
  command = plan
  variables { scram_secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ticks-AbCdEf" }
  expect_failures = [var.scram_secret_arn]
}

run "rejects_scram_without_secret" {
  command = plan
  variables { access_control = "scram" }
  expect_failures = [var.scram_secret_arn]
}

run "rejects_no_subnets" {
  command = plan
  variables { subnet_ids = [] }
  expect_failures = [var.subnet_ids]
}

run "rejects_bad_security_group" {
  command = plan
  variables { security_group_ids = ["default"] }
  expect_failures = [var.security_group_ids]
}

run "rejects_glue_name_with_hyphens" {
  command = plan
  variables { glue_database_name = "pattern-3" }
  expect_failures = [var.glue_database_name]
}

run "rejects_bad_bucket_name" {
  command = plan
  variables { output_bucket_name = "My_Bucket" }
  expect_failures = [var.output_bucket_name]
}

run "rejects_prefix_with_slashes_at_the_ends" {
  command = plan
  variables { output_prefix = "/studio/" }
  expect_failures = [var.output_prefix]
}

run "rejects_sql_dir_without_sql" {
  command = plan
  variables { sql_dir = "/tmp" }
  expect_failures = [var.sql_dir]
}

run "rejects_bad_checkpoint_interval" {
  command = plan
  variables { checkpoint_interval = "every minute" }
  expect_failures = [var.checkpoint_interval]
}

run "rejects_bad_commit_delay" {
  command = plan
  variables { partition_commit_delay = "1 hour" }
  expect_failures = [var.partition_commit_delay]
}

run "rejects_bad_log_kms_key_arn" {
  command = plan
  variables { log_kms_key_arn = "my-key" }
  expect_failures = [var.log_kms_key_arn]
}

run "rejects_no_bucket_at_all" {
  command = plan
  variables { create_output_bucket = false }
  expect_failures = [var.output_bucket_name]
}

run "rejects_no_database_at_all" {
  command = plan
  variables { create_glue_database = false }
  expect_failures = [var.glue_database_name]
}
