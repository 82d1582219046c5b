# Every validation rule of the flink-application module rejects what it should.
#
# The runs that expect a rejection plan tests/inputs, which links the module's variable declarations and
# nothing else: the rules live there, and without the resources no provider starts, so a run takes
# milliseconds instead of a second (scripts/terraform-check checks that the links cover every variable).

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

run "rejects_bad_code_bucket" {
  command = plan
  module { source = "./tests/inputs" }
  variables { code_bucket_name = "Artifacts" }
  expect_failures = [var.code_bucket_name]
}

run "rejects_code_key_that_is_not_a_jar" {
  command = plan
  module { source = "./tests/inputs" }
  variables { code_key = "/flink/app.zip" }
  expect_failures = [var.code_key]
}

run "rejects_missing_jar_file" {
  command = plan
  module { source = "./tests/inputs" }
  variables { jar_path = "tests/fixtures/missing.jar" }
  expect_failures = [var.jar_path]
}

run "rejects_parallelism_out_of_range" {
  command = plan
  module { source = "./tests/inputs" }
  variables { parallelism = 257 }
  expect_failures = [var.parallelism]
}

run "rejects_checkpoint_interval_out_of_range" {
  command = plan
  module { source = "./tests/inputs" }
  variables { checkpoint_interval_ms = 1000 }
  expect_failures = [var.checkpoint_interval_ms]
}

run "rejects_pause_longer_than_interval" {
  command = plan
  module { source = "./tests/inputs" }
  variables { min_pause_between_checkpoints_ms = 70000 }
  expect_failures = [var.min_pause_between_checkpoints_ms]
}

run "rejects_unknown_metrics_level" {
  command = plan
  module { source = "./tests/inputs" }
  variables { metrics_level = "JOB" }
  expect_failures = [var.metrics_level]
}

run "rejects_scram_access_control" {
  command = plan
  module { source = "./tests/inputs" }
  variables { access_control = "scram" }
  expect_failures = [var.access_control]
}

run "rejects_unknown_startup_mode" {
  command = plan
  module { source = "./tests/inputs" }
  variables { startup_mode = "timestamp" }
  expect_failures = [var.startup_mode]
}

run "rejects_bad_output_bucket" {
  command = plan
  module { source = "./tests/inputs" }
  variables { output_bucket_name = "x" }
  expect_failures = [var.output_bucket_name]
}
