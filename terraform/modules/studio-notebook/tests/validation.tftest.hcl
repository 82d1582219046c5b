# Every validation rule of the studio-notebook module rejects what it should.
#
# The runs that expect a rejection plan tests/inputs, which links the module's variable declarations and
# nothing else: the rules live there, and without the resources no provider starts, so a run takes
# milliseconds instead of a second (scripts/terraform-check checks that the links cover every variable).

mock_provider "aws" {
  source = "../../tests/mocks"
}

run "rejects_unknown_runtime" {
  command = plan
  module { source = "./tests/inputs" }
  variables { runtime_environment = "FLINK-1_20" }
  expect_failures = [var.runtime_environment]
}

run "rejects_parallelism_out_of_range" {
  command = plan
  module { source = "./tests/inputs" }
  variables { parallelism = 0 }
  expect_failures = [var.parallelism]
}

run "rejects_unknown_access_control" {
  command = plan
  module { source = "./tests/inputs" }
  variables { access_control = "plaintext" }
  expect_failures = [var.access_control]
}

run "rejects_secret_not_named_for_msk" {
  command = plan
  module { source = "./tests/inputs" }
  variables { scram_secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:ticks-AbCdEf" }
  expect_failures = [var.scram_secret_arn]
}

run "rejects_scram_without_secret" {
  command = plan
  module { source = "./tests/inputs" }
  variables { access_control = "scram" }
  expect_failures = [var.scram_secret_arn]
}

run "rejects_glue_name_with_hyphens" {
  command = plan
  module { source = "./tests/inputs" }
  variables { glue_database_name = "pattern-3" }
  expect_failures = [var.glue_database_name]
}

run "rejects_bad_bucket_name" {
  command = plan
  module { source = "./tests/inputs" }
  variables { output_bucket_name = "My_Bucket" }
  expect_failures = [var.output_bucket_name]
}

run "rejects_sql_dir_without_sql" {
  command = plan
  module { source = "./tests/inputs" }
  variables { sql_dir = "/tmp" }
  expect_failures = [var.sql_dir]
}

run "rejects_sql_dir_with_source_sql_only" {
  command = plan
  module { source = "./tests/inputs" }
  variables { sql_dir = "tests/fixtures/incomplete-sql" }
  expect_failures = [var.sql_dir]
}

run "accepts_the_repositorys_sql_dir" {
  command = plan
  variables { sql_dir = "../../../flink-sql/src/main/resources/sql" }
}

run "rejects_no_bucket_at_all" {
  command = plan
  module { source = "./tests/inputs" }
  variables { create_output_bucket = false }
  expect_failures = [var.output_bucket_name]
}

run "rejects_no_database_at_all" {
  command = plan
  module { source = "./tests/inputs" }
  variables { create_glue_database = false }
  expect_failures = [var.glue_database_name]
}
